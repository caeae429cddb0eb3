// The profile switcher overlay (F2): every profile and `memory`, switch without restarting, and
// add a profile with the DSN checked as it is typed. With no DSN given anywhere, the processes
// visible here whose environment holds a DSN (a debug container in a service's pod) are listed too.
import { useCallback, useRef, useState } from 'react';
import { ProfileError } from '../../profiles/profile-error.js';
import { checkProfileName } from '../../profiles/profile.js';
import { ProfileStore } from '../../profiles/profile-store.js';
import { resolveTarget } from '../../profiles/resolve-target.js';
import type { ResolvedTarget } from '../../profiles/target.js';
import { checkDsnInput, maskPassword } from '../format/dsn-check.js';
import { commandFor } from '../keys/key-bindings.js';
import { keyEvent, type KeyEvent } from '../keys/key-event.js';
import { describeError } from '../../session/report-error.js';
import { initialPicker, pickerReducer, type PickerAction, type PickerEntry, type ProfilePicker } from '../state/profile-picker.js';

/** Processes with a DSN, named as a person knows them; their DSN is read only when one is chosen. */
async function processEntries(): Promise<PickerEntry[]> {
  const { listCandidates } = await import('../../discovery/list-candidates.js');
  return listCandidates().candidates.map((candidate) => ({
    name: `${candidate.label} (pid ${candidate.pid})`,
    pid: candidate.pid,
    isDefault: false,
    note: null,
    redacted: candidate.via === 'environment' ? 'DSN from its environment' : 'dsn from its --config file',
  }));
}

export interface ProfileSwitcher {
  isOpen: boolean;
  /** Open right now (for the key handler, before a re-render) */
  isOpenNow(): boolean;
  state: ProfilePicker;
  /** `passive`: opened by the console (the target is unusable): typed text goes on to the prompt */
  open(passive?: boolean): void;
  close(): void;
  /** Handles a key while open; false: not the switcher's (it closed), the prompt takes it */
  handleKey(event: KeyEvent): boolean;
}

/** `discover`: no DSN was given anywhere (or it came from a process): list the processes with one. */
export function useProfileSwitcher(
  currentName: string | null,
  onSwitch: (target: ResolvedTarget) => void,
  discover = false,
): ProfileSwitcher {
  const state = useRef<ProfilePicker>(initialPicker());
  const openRef = useRef(false);
  const [, setTick] = useState(0);
  const dispatch = useCallback((action: PickerAction) => {
    state.current = pickerReducer(state.current, action);
    setTick((tick) => tick + 1);
  }, []);
  const store = useRef<ProfileStore | null>(null);
  const getStore = (): ProfileStore => (store.current ??= new ProfileStore());

  const load = useCallback(
    async (select: string | null) => {
      try {
        const { profiles, defaultProfile } = await getStore().list();
        const processes = discover ? await processEntries() : [];
        dispatch({
          type: 'loaded',
          current: select,
          entries: [
            ...profiles.map((profile) => ({
              name: profile.name,
              redacted: maskPassword(profile.dsn),
              isDefault: profile.name === defaultProfile,
              note: profile.note ?? null,
            })),
            ...processes,
          ],
        });
      } catch (error) {
        dispatch({ type: 'loaded', current: null, entries: [{ name: 'memory', redacted: 'memory', isDefault: false, note: null }] });
        dispatch({ type: 'error', message: describeError(error).message });
      }
    },
    [discover, dispatch],
  );

  const open = useCallback(
    (passive = false) => {
      openRef.current = true;
      dispatch({ type: 'passive', passive });
      void load(currentName);
    },
    [currentName, dispatch, load],
  );
  const close = useCallback(() => {
    openRef.current = false;
    dispatch({ type: 'cancelForm' });
  }, [dispatch]);

  const switchTo = async (entry: PickerEntry): Promise<void> => {
    try {
      const target =
        entry.pid !== undefined
          ? await resolveTarget({ pid: String(entry.pid), env: process.env, store: getStore })
          : await resolveTarget({ positional: entry.name, env: process.env, store: getStore });
      openRef.current = false;
      onSwitch(target);
    } catch (error) {
      const { message, hint } = describeError(error);
      dispatch({ type: 'error', message: hint ? `${message} (${hint})` : message });
    }
  };

  const save = async (name: string, dsn: string, replace = false): Promise<void> => {
    try {
      await getStore().add({ name, dsn }, { replace });
      dispatch({ type: 'cancelForm' });
      await load(name);
    } catch (error) {
      // The store's hint names the CLI's --replace; here the form asks instead.
      if (error instanceof ProfileError && error.code === 'exists' && !replace) {
        dispatch({ type: 'askReplace', name, dsn });
        return;
      }
      const { message, hint } = describeError(error);
      dispatch({ type: 'error', message: hint ? `${message} (${hint})` : message });
    }
  };

  const handleKey = useCallback(
    (event: KeyEvent): boolean => {
      const { form, entries, selected, passive, replacing } = state.current;
      // On the error screen the list only chooses: typed SQL goes to the prompt, not into the list.
      if (passive && !form && (event.name === 'char' || event.name === 'paste') && !event.meta) {
        close();
        return false;
      }
      // Fast typing or a paste can carry Tab or Enter inside the text: apply them in order.
      if ((event.name === 'char' || event.name === 'paste') && /[\t\r\n]/.test(event.text)) {
        for (const piece of event.text.split(/(\t|\r\n|\r|\n)/)) {
          if (piece === '') continue;
          handleKey(piece === '\t' ? keyEvent('tab') : /^[\r\n]+$/.test(piece) ? keyEvent('return') : keyEvent('char', { text: piece }));
        }
        return true;
      }
      if (form && replacing) {
        if (event.name === 'return') void save(replacing.name, replacing.dsn, true);
        else if (event.name === 'escape') dispatch({ type: 'cancelReplace' });
        return true;
      }
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
              const { message, hint } = describeError(error);
              dispatch({
                type: 'error',
                message: `${message}; Tab stays on the name until it is valid${hint ? `\n  ${hint}` : ''}`,
              });
            }
          } else if (event.name === 'return' && checkDsnInput(form.dsn).ok) {
            void save(form.name, form.dsn);
          } else if (event.name === 'tab') dispatch({ type: 'nextField' });
        }
        return true;
      }
      if (event.name === 'up' || (event.name === 'char' && event.text === 'k')) dispatch({ type: 'up' });
      else if (event.name === 'down' || (event.name === 'char' && event.text === 'j')) dispatch({ type: 'down' });
      else if (event.name === 'char' && event.text === 'a') dispatch({ type: 'startAdd' });
      else if (event.name === 'return') {
        const entry = entries[selected];
        if (entry) void switchTo(entry);
      } else if (event.name === 'f2' && passive) dispatch({ type: 'passive', passive: false });
      else if (event.name === 'escape' || event.name === 'f2' || (event.name === 'char' && event.text === 'q')) close();
      return true;
    },
    [close, dispatch],
  );

  const isOpenNow = useCallback(() => openRef.current, []);
  return { isOpen: openRef.current, isOpenNow, state: state.current, open, close, handleKey };
}
