// Owns which target the console is on, so the profile switcher can change it without a
// restart: a new target mounts a fresh console (new connection, that profile's history).
// `\c DBNAME` changes the target too, but keeps the history it had and says what it did.
import { useMemo, useState } from 'react';
import type { ResolvedTarget } from '../profiles/target.js';
import { readOnlyFor } from '../session/open-session-target.js';
import { App, type SwitchOptions } from './app.js';
import { HistoryFile } from './history-file.js';

export interface ConsoleRootProps {
  target: ResolvedTarget;
  readOnly: boolean;
  onExit(code: number): void;
  /** keys.json's "vi" (a \\set vi later is kept across switches) */
  vi?: boolean;
  /** keys.json's problems, shown by the first console only */
  keyProblems?: readonly string[];
}

interface Current {
  target: ResolvedTarget;
  historyOf: ResolvedTarget;
  notice: string | null;
  generation: number;
}

export function ConsoleRoot({ target: initial, readOnly, onExit, vi: initialVi = false, keyProblems }: ConsoleRootProps) {
  const [vi, setVi] = useState(initialVi);
  const [current, setCurrent] = useState<Current>({ target: initial, historyOf: initial, notice: null, generation: 0 });
  const history = useMemo(() => HistoryFile.forTarget(current.historyOf), [current.historyOf]);
  return (
    <App
      key={current.generation}
      target={current.target}
      // A read-only flag given on the command line stays in force; a profile can add its own.
      readOnly={readOnlyFor(current.target, readOnly)}
      history={history}
      notice={current.notice}
      onExit={onExit}
      vi={vi}
      onViChange={setVi}
      keyProblems={current.generation === 0 ? keyProblems : undefined}
      onSwitch={(target, options: SwitchOptions = {}) =>
        setCurrent((previous) => ({
          target,
          historyOf: options.keepHistory ? previous.historyOf : target,
          notice: options.notice ?? null,
          generation: previous.generation + 1,
        }))
      }
    />
  );
}
