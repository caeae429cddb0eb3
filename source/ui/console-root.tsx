// Owns which target the console is on, so the profile switcher can change it without a
// restart: a new target mounts a fresh console (new connection, that profile's history).
import { useMemo, useState } from 'react';
import type { ResolvedTarget } from '../profiles/target.js';
import { App } from './app.js';
import { HistoryFile } from './history-file.js';

export interface ConsoleRootProps { target: ResolvedTarget; readOnly: boolean; onExit(code: number): void }

export function ConsoleRoot({ target: initial, readOnly, onExit }: ConsoleRootProps) {
  const [current, setCurrent] = useState({ target: initial, generation: 0 });
  const history = useMemo(() => HistoryFile.forTarget(current.target), [current.target]);
  return (
    <App
      key={current.generation}
      target={current.target}
      // A read-only flag given on the command line stays in force; a profile can add its own.
      readOnly={readOnly || current.target.settings.readOnly === true}
      history={history}
      onExit={onExit}
      onSwitch={(target) => setCurrent((previous) => ({ target, generation: previous.generation + 1 }))}
    />
  );
}
