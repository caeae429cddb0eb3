// Opening a target for the commands that read server activity (sessions, locks, ory status):
// resolve, parse, connect, and refuse backends without a server clearly.
import type { Adapter } from '../adapters/adapter.js';
import { openSessionTarget } from '../session/open-session-target.js';
import type { ParsedDsn } from '../dsn/types.js';
import type { ResolvedTarget } from '../profiles/target.js';
import { resolveAndParse, type TargetChoice } from './open-target.js';

export interface OpenedTarget {
  target: ResolvedTarget;
  dsn: ParsedDsn;
  adapter: Adapter;
}

/** Resolves and connects; the caller closes the adapter. Throws DsnError/ProfileError/AdapterError as they come. */
export async function openTarget(choice: TargetChoice): Promise<OpenedTarget> {
  const { target, dsn } = await resolveAndParse(choice);
  const { adapter } = await openSessionTarget(target, { use: 'command', readOnly: false, dsn });
  return { target, dsn, adapter };
}
