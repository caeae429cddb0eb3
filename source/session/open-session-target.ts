// The one way a resolved target is opened, by the console (full-screen and line mode), the CLI,
// doctor, migrate and the activity commands: its DSN parsed once (parseTarget keeps the answer
// with the target), the adapter opened with the options decided here (read-only, where SQLite
// runs), and the user's sessions made read-only on the server when asked.
import type { Adapter, Session } from '../adapters/adapter.js';
import { openAdapter } from '../adapters/open-adapter.js';
import { openReadOnlySession } from '../adapters/read-only-session.js';
import type { ParsedDsn } from '../dsn/types.js';
import { parseTarget } from '../profiles/resolve-target.js';
import type { ResolvedTarget } from '../profiles/target.js';

export interface OpenTargetOptions {
  /**
   * --read-only or a read-only profile: SQLite opens the file read-only (never created, no DSN
   * pragma that writes), MySQL connections start READ ONLY. Sessions from openUserSession too.
   */
  readOnly: boolean;
  /**
   * `console`: SQLite in a worker process, so a running statement can be cancelled; `command`: a
   * one-shot command, SQLite in this process (starts faster; Ctrl+C in a statement ends the process).
   */
  use: 'console' | 'command';
  /** Told what the open did differently from what the DSN asks (a pragma skipped under read-only) */
  onWarning?: (warning: string) => void;
  /** The target's DSN as the command adjusted it (doctor's --timeout); default: the target's own */
  dsn?: ParsedDsn;
}

export interface OpenedTarget {
  target: ResolvedTarget;
  dsn: ParsedDsn;
  /** What the DSN asks that may not be what was meant (DsnWarning texts), for the caller to show */
  warnings: readonly string[];
  adapter: Adapter;
}

/** --read-only, or a profile saved read-only: the one rule for the console and every command. */
export function readOnlyFor(target: ResolvedTarget, asked: boolean): boolean {
  return asked || target.settings.readOnly === true;
}

/** Opens the target's pool and checks one connection. Throws DsnError (bad DSN) or AdapterError as they come. */
export async function openSessionTarget(target: ResolvedTarget, options: OpenTargetOptions): Promise<OpenedTarget> {
  const dsn = options.dsn ?? parseTarget(target);
  const adapter = await openAdapter(dsn, {
    inProcess: options.use === 'command',
    readOnly: options.readOnly,
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  });
  return { target, dsn, warnings: dsn.warnings, adapter };
}

/** A session for the user's statements: read-only on the server (and guarded) when asked. */
export function openUserSession(adapter: Adapter, readOnly: boolean, options: { signal?: AbortSignal } = {}): Promise<Session> {
  return readOnly ? openReadOnlySession(adapter, options) : adapter.session(options);
}
