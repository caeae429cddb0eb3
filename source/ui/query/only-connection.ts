// With max_conns=1 the console's session holds the pool's only connection for as long as it is
// open, so a read on another pooled connection (the catalogue for \d, \dn; server activity for
// \sessions, \locks, \ory) would queue behind it for ever. Such commands answer at once instead.
import type { Adapter } from '../../adapters/adapter.js';
import type { Outcome } from './outcome.js';

export function sessionHoldsOnlyConnection(adapter: Adapter): boolean {
  return adapter.capabilities.concurrentSessions && adapter.poolSnapshot().maxConns <= 1;
}

/** What to say when a command cannot read beside the session. */
export function onlyConnectionOutcome(statement: string): Outcome {
  return {
    kind: 'error',
    message: "The console's session holds the only connection (max_conns=1): this command reads on a second connection beside it.",
    hint: 'Open the console with max_conns=2 or more in the DSN to use \\d, \\dt, \\dv, \\di, \\df, \\dn, \\sessions, \\locks and \\ory.',
    statement,
    position: null,
  };
}
