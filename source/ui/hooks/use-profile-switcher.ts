// The profile switcher overlay (F2): every profile and `memory`, switch without restarting, and
// add a profile with the DSN checked as it is typed.
import { useCallback, useRef, useState } from 'react';
import { checkProfileName } from '../../profiles/profile.js';
import { ProfileStore } from '../../profiles/profile-store.js';
import { resolveTarget } from '../../profiles/resolve-target.js';
import type { ResolvedTarget } from '../../profiles/target.js';
import { checkDsnInput, maskPassword } from '../format/dsn-check.js';
import { commandFor } from '../keys/key-bindings.js';
import { keyEvent, type KeyEvent } from '../keys/key-event.js';
import { describeFailure } from '../query/describe-failure.js';
import { initialPicker, pickerReducer, type PickerAction, type ProfilePicker } from '../state/profile-picker.js';

export interface ProfileSwitcher {
  isOpen: boolean;
  /** Open right now (for the key handler, before a re-render) */
  isOpenNow(): boolean;
  state: ProfilePicker;
  open(): void;
  close(): void;
  /** Handles a key while open */
  handleKey(event: KeyEvent): void;
}

export function useProfileSwitcher(currentName: string | null, onSwitch: (target: ResolvedTarget) => void): ProfileSwitcher {
  const state = useRef<ProfilePicker>(initialPicker());
  const openRef = useRef(false);
  const [, setTick] = useState(0);
  const dispatch = useCallback((action: PickerAction) => {
    state.current = pickerReducer(state.current, action);
    setTick((tick) => tick + 1);
  }, []);
  const store = useRef<ProfileStore | null>(null);
  const getStore = (): ProfileStore => (store.current ??= new ProfileStore());

  const load = useCallback(async (select: string | null) => {
    try {
      const { profiles, defaultProfile } = await getStore().list();
      dispatch({
        type: 'loaded', current: select,
        entries: profiles.map((profile) => ({ name: profile.name, redacted: maskPassword(profile.dsn), isDefault: profile.name === defaultProfile, note: profile.note ?? null })),
      });
    } catch (error) {
      dispatch({ type: 'loaded', current: null, entries: [{ name: 'memory', redacted: 'memory', isDefault: false, note: null }] });
      dispatch({ type: 'error', message: describeFailure(error).message });
    }
  }, [dispatch]);

  const open = useCallback(() => { openRef.current = true; setTick((tick) => tick + 1); void load(currentName); }, [currentName, load]);
  const close = useCallback(() => { openRef.current = false; dispatch({ type: 'cancelForm' }); }, [dispatch]);

  const switchTo = async (name: string): Promise<void> => {
    try {
      const target = await resolveTarget({ positional: name, env: process.env, store: getStore });
      openRef.current = false;
      onSwitch(target);
    } catch (error) {
      const { message, hint } = describeFailure(error);
      dispatch({ type: 'error', message: hint ? `${message} (${hint})` : message });
    }
  };

  const save = async (name: string, dsn: string): Promise<void> => {
    try {
      await getStore().add({ name, dsn });
      dispatch({ type: 'cancelForm' });
      await load(name);
    } catch (error) {
      const { message } = describeFailure(error);
      const hint = error && typeof error === 'object' && 'hint' in error ? ` (${String(error.hint)})` : '';
      dispatch({ type: 'error', message: message + hint });
    }
  };

  const handleKey = useCallback((event: KeyEvent): void => {
    // Fast typing or a paste can carry Tab or Enter inside the text: apply them in order.
    if ((event.name === 'char' || event.name === 'paste') && /[\t\r\n]/.test(event.text)) {
      for (const piece of event.text.split(/(\t|\r\n|\r|\n)/)) {
        if (piece === '') continue;
        handleKey(piece === '\t' ? keyEvent('tab') : /^[\r\n]+$/.test(piece) ? keyEvent('return') : keyEvent('char', { text: piece }));
      }
      return;
    }
    const { form, entries, selected } = state.current;
    if (form) {
      if (event.name === 'escape') dispatch({ type: 'cancelForm' });
      else if (event.name === 'char' || event.name === 'paste') dispatch({ type: 'type', text: event.text });
      else if (commandFor(event, 'prompt') === 'prompt.backspace') dispatch({ type: 'backspace' });
      else if (event.name === 'tab' || event.name === 'return') {
        if (form.field === 'name') {
          try {
            checkProfileName(form.name);
            dispatch({ type: 'error', message: null });
            dispatch({ type: 'nextField' });
          } catch (error) {
            dispatch({ type: 'error', message: describeFailure(error).message });
          }
        } else if (event.name === 'return' && checkDsnInput(form.dsn).ok) {
          void save(form.name, form.dsn);
        } else if (event.name === 'tab') dispatch({ type: 'nextField' });
      }
      return;
    }
    if (event.name === 'up' || (event.name === 'char' && event.text === 'k')) dispatch({ type: 'up' });
    else if (event.name === 'down' || (event.name === 'char' && event.text === 'j')) dispatch({ type: 'down' });
    else if (event.name === 'char' && event.text === 'a') dispatch({ type: 'startAdd' });
    else if (event.name === 'return') { const entry = entries[selected]; if (entry) void switchTo(entry.name); }
    else if (event.name === 'escape' || event.name === 'f2' || (event.name === 'char' && event.text === 'q')) close();
  }, [close, dispatch]);

  const isOpenNow = useCallback(() => openRef.current, []);
  return { isOpen: openRef.current, isOpenNow, state: state.current, open, close, handleKey };
}
