// The one place --read-only (or a read-only profile) is enforced, for the CLI and the console
// alike: the session is made read-only on the server when it opens, and every statement that
// would turn that off or write outside the database is refused before it is sent. Ordinary
// writes are left to the server, which refuses them in a read-only session.
import type { Backend } from '../dsn/types.js';
import { classifyStatement, classifyStatements } from '../sql/classify-statement.js';
import { readOnlySessionStatement } from '../sql/read-only-session.js';
import type { Adapter, CopyCsvRunOptions, RowStream, RunOptions, Session, StatementResult, StreamOptions } from './adapter.js';
import { AdapterError } from './adapter-error.js';

const HINT =
  "read-only (--read-only or the profile's readOnly) refuses statements that turn it off or write outside the database; connect without it to run this";

/** A new session of `adapter`, read-only on the server and guarded here. */
export async function openReadOnlySession(adapter: Adapter, options: { signal?: AbortSignal } = {}): Promise<Session> {
  const session = await adapter.session(options);
  try {
    // Applied again on every new session: not state a lost connection takes away.
    await session.run(readOnlySessionStatement(adapter.backend), { signal: options.signal, reapplied: true });
  } catch (error) {
    await session.release().catch(() => undefined);
    throw error;
  }
  return guardReadOnly(session, adapter.backend);
}

/** `session` with every statement checked before it is sent. */
export function guardReadOnly(session: Session, backend: Backend): Session {
  const check = (sql: string) => {
    const refusal = readOnlyRefusal(sql, backend);
    if (refusal) throw refusal;
  };
  return {
    async run(sql: string, options?: RunOptions): Promise<StatementResult> {
      check(sql);
      return session.run(sql, options);
    },
    async runScript(sql: string, options?: RunOptions): Promise<StatementResult[]> {
      check(sql);
      return session.runScript(sql, options);
    },
    async stream(sql: string, options?: StreamOptions): Promise<RowStream> {
      check(sql);
      return session.stream(sql, options);
    },
    ...(session.copyCsv
      ? {
          copyCsv: async (sql: string, write: (chunk: Buffer) => Promise<void>, options?: CopyCsvRunOptions) => {
            check(sql);
            return session.copyCsv!(sql, write, options);
          },
        }
      : {}),
    transactionState: () => session.transactionState(),
    ...(session.held ? { held: () => session.held!() } : {}),
    release: () => session.release(),
  };
}

/** The error that refuses `sql` under read-only, or null when it may be sent. */
export function readOnlyRefusal(sql: string, backend: Backend): AdapterError | null {
  const statements = classifyStatements(sql, backend);
  const refused = statements.find((statement) => statement.readOnlyViolation !== null);
  // A text without a statement can still hold a MySQL executable comment.
  const reason = statements.length === 0 ? classifyStatement(sql, backend).readOnlyViolation : (refused?.readOnlyViolation ?? null);
  if (reason === null) return null;
  const text = refused?.statement.text ?? sql;
  return new AdapterError('other', backend, `Not run under read-only: ${reason} (${excerpt(text)}).`, {
    code: 'read-only',
    hint: HINT,
    position: refused && refused.statement.start > 0 ? refused.statement.start + 1 : null,
  });
}

function excerpt(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}…` : oneLine;
}
