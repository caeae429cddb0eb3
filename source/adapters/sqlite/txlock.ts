// `_txlock` decides the flavour of a bare BEGIN, as the Go driver does for db.Begin().

/** `BEGIN` / `BEGIN TRANSACTION` become `BEGIN IMMEDIATE` or `BEGIN EXCLUSIVE`; anything else is kept. */
export function applyTxlock(statement: string, txlock: 'deferred' | 'immediate' | 'exclusive'): string {
  if (txlock === 'deferred') return statement;
  return /^BEGIN(\s+TRANSACTION)?\s*$/i.test(statement) ? `BEGIN ${txlock.toUpperCase()}` : statement;
}
