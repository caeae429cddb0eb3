// The profile switcher as a pure reducer: a list to choose from, and a small form to add a
// profile (name, then DSN) whose DSN is validated as it is typed by the caller.

/** `pid`: a process visible here whose DSN can be used (no profile: choosing it reads the DSN from the process) */
export interface PickerEntry {
  name: string;
  redacted: string;
  isDefault: boolean;
  note: string | null;
  pid?: number;
}

export interface ProfileForm {
  field: 'name' | 'dsn';
  name: string;
  dsn: string;
}

export interface ProfilePicker {
  entries: PickerEntry[];
  selected: number;
  form: ProfileForm | null;
  /** Problem from loading, switching or saving */
  error: string | null;
  /**
   * Opened by the console itself (the target is unusable): typed text belongs to the prompt, so
   * letters are not list commands here; F2 makes the list take them (a to add).
   */
  passive: boolean;
  /** A save that would overwrite this profile: Enter replaces it, Esc goes back to the form */
  replacing: { name: string; dsn: string } | null;
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
  | { type: 'error'; message: string | null }
  | { type: 'passive'; passive: boolean }
  | { type: 'askReplace'; name: string; dsn: string }
  | { type: 'cancelReplace' };

export function initialPicker(): ProfilePicker {
  return { entries: [], selected: 0, form: null, error: null, passive: false, replacing: null };
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
      return state.form
        ? { ...state, form: editField(state.form, (value) => value + action.text.replace(/[\u0000-\u001f\u007f]/g, '')) }
        : state;
    case 'backspace':
      return state.form ? { ...state, form: editField(state.form, (value) => [...value].slice(0, -1).join('')) } : state;
    case 'nextField':
      return state.form ? { ...state, form: { ...state.form, field: state.form.field === 'name' ? 'dsn' : 'name' } } : state;
    case 'cancelForm':
      return { ...state, form: null, error: null, replacing: null };
    case 'error':
      return { ...state, error: action.message };
    case 'passive':
      return { ...state, passive: action.passive };
    case 'askReplace':
      return { ...state, replacing: { name: action.name, dsn: action.dsn }, error: null };
    case 'cancelReplace':
      return { ...state, replacing: null };
  }
}
