// The profile switcher as a pure reducer: a list to choose from, and a small form to add a
// profile (name, then DSN) whose DSN is validated as it is typed by the caller.

export interface PickerEntry { name: string; redacted: string; isDefault: boolean; note: string | null }

export interface ProfileForm { field: 'name' | 'dsn'; name: string; dsn: string }

export interface ProfilePicker {
  entries: PickerEntry[];
  selected: number;
  form: ProfileForm | null;
  /** Problem from loading, switching or saving */
  error: string | null;
}

export type PickerAction =
  | { type: 'loaded'; entries: PickerEntry[]; current: string | null }
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'startAdd' }
  | { type: 'type'; text: string }
  | { type: 'backspace' }
  | { type: 'nextField' }
  | { type: 'cancelForm' }
  | { type: 'error'; message: string | null };

export function initialPicker(): ProfilePicker {
  return { entries: [], selected: 0, form: null, error: null };
}

function editField(form: ProfileForm, edit: (value: string) => string): ProfileForm {
  return form.field === 'name' ? { ...form, name: edit(form.name) } : { ...form, dsn: edit(form.dsn) };
}

export function pickerReducer(state: ProfilePicker, action: PickerAction): ProfilePicker {
  switch (action.type) {
    case 'loaded': {
      const index = action.entries.findIndex((entry) => entry.name === action.current);
      return { ...state, entries: action.entries, selected: Math.max(0, index), error: null };
    }
    case 'up':
      return { ...state, selected: Math.max(0, state.selected - 1) };
    case 'down':
      return { ...state, selected: Math.min(Math.max(0, state.entries.length - 1), state.selected + 1) };
    case 'startAdd':
      return { ...state, form: { field: 'name', name: '', dsn: '' }, error: null };
    case 'type':
      // Line breaks and control characters never belong in a name or a DSN.
      // eslint-disable-next-line no-control-regex
      return state.form ? { ...state, form: editField(state.form, (value) => value + action.text.replace(/[\u0000-\u001f\u007f]/g, '')) } : state;
    case 'backspace':
      return state.form ? { ...state, form: editField(state.form, (value) => [...value].slice(0, -1).join('')) } : state;
    case 'nextField':
      return state.form ? { ...state, form: { ...state.form, field: state.form.field === 'name' ? 'dsn' : 'name' } } : state;
    case 'cancelForm':
      return { ...state, form: null, error: null };
    case 'error':
      return { ...state, error: action.message };
  }
}
