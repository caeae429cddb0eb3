// Backslash commands in the line-mode console. The catalogue and connection commands are answered
// by the same code as in the full-screen console (run-backslash.ts) and printed as lines; named
// queries work from the same store; `\l` and `\n NAME` become SQL that runs as if typed (with the
// same questions and guards). Commands that need the full screen (\x, \watch, \e, \export, …) say
// so instead of doing something else.
import type { Adapter, Row } from '../../adapters/adapter.js';
import type { ResultWriter } from '../../output/result-writer.js';
import type { OutputSink } from '../../output/output-sink.js';
import { printError } from '../../session/report-error.js';
import type { NamedQueryStore } from '../../profiles/named-query-store.js';
import type { ResolvedTarget } from '../../profiles/target.js';
import type { SqlDialect } from '../../sql/dialect.js';
import { backslashHelp, parseBackslashCommand, type BackslashCommand } from '../sql/backslash-commands.js';
import { listDatabasesStatement } from '../sql/list-databases.js';
import { isNamedQueryCommand, resolveNamedQuery, runNamedQueryCommand } from '../query/named-query-commands.js';
import type { Outcome } from '../query/outcome.js';
import { runBackslash } from '../query/run-backslash.js';

export type LineAnswer =
  | { kind: 'quit' }
  /** SQL to run as if it had been typed */
  | { kind: 'run'; sql: string }
  | { kind: 'outcome'; outcome: Outcome };

export interface LineBackslashContext {
  adapter: Adapter;
  target: ResolvedTarget;
  dialect: SqlDialect;
  store: NamedQueryStore;
  signal: AbortSignal;
  /**
   * Runs a catalogue read beside the user's session. On a backend with one connection (SQLite) the
   * session lends it while no transaction is open; null when a transaction keeps it.
   */
  besideSession<T>(read: () => Promise<T>): Promise<T | null>;
  /** PostgreSQL: the session's search_path once a statement may have changed it; null: the DSN's */
  searchPath: string | null;
  /** MySQL: the session's current database after a USE; null: the DSN's */
  database: string | null;
}

/** What the full-screen console does that a line of output cannot */
const FULL_SCREEN_ONLY = new Set<BackslashCommand['kind']>([
  'toggleRecord',
  'toggleTiming',
  'setVi',
  'connect',
  'export',
  'watch',
  'explain',
]);

/** The commands line mode answers, for its \? */
const LINE_MODE_HELP = new Set([
  '\\d [NAME]',
  '\\dt [PATTERN]',
  '\\dv [PATTERN]',
  '\\di [PATTERN]',
  '\\df [PATTERN]',
  '\\dn',
  '\\l',
  '\\conninfo',
  '\\sessions [N]',
  '\\locks',
  '\\ory [exact]',
  '\\ns NAME SQL',
  '\\n [NAME [ARGS]]',
  '\\nd NAME',
]);

export function lineModeHelp(): string[] {
  const shown = backslashHelp.filter(([command]) => LINE_MODE_HELP.has(command));
  return [
    ...shown.map(([command, description]) => `  ${command.padEnd(24)} ${description}`),
    `  ${'\\?'.padEnd(24)} this help`,
    `  ${'\\q'.padEnd(24)} quit (asks first with a transaction open)`,
    'The full-screen console (a terminal other than TERM=dumb, without --plain) also has \\x, \\timing,',
    '\\c, \\export, \\watch, \\explain, \\e and \\set vi.',
  ];
}

export async function answerLineBackslash(text: string, context: LineBackslashContext): Promise<LineAnswer> {
  const statement = text.trim();
  const command = parseBackslashCommand(statement);
  const error = (message: string, hint: string | null): LineAnswer => ({
    kind: 'outcome',
    outcome: { kind: 'error', message, hint, statement, position: null },
  });
  if (command.kind === 'quit') return { kind: 'quit' };
  if (command.kind === 'help') return { kind: 'outcome', outcome: { kind: 'info', title: 'Commands in line mode', lines: lineModeHelp() } };
  if (command.kind === 'listDatabases') return { kind: 'run', sql: listDatabasesStatement(context.dialect) };
  if (isNamedQueryCommand(command)) return { kind: 'outcome', outcome: await runNamedQueryCommand(command, context.store, statement) };
  if (command.kind === 'namedRun') {
    const resolved = resolveNamedQuery(context.store, command.name, command.args);
    return resolved.ok ? { kind: 'run', sql: resolved.sql } : error(resolved.message, resolved.hint);
  }
  if (FULL_SCREEN_ONLY.has(command.kind)) {
    const word = statement.split(/\s+/)[0] ?? statement;
    return error(
      `${word} needs the full-screen console; line mode prints every result as a table.`,
      'Run dsnsh without --plain, in a terminal other than TERM=dumb, for it.',
    );
  }
  const outcome = await context.besideSession(async () => {
    const facts = command.kind === 'connInfo' ? await context.adapter.serverFacts({ signal: context.signal }).catch(() => null) : null;
    const { adapter, target, signal, searchPath, database } = context;
    return runBackslash(command, { adapter, target, facts, signal, searchPath, database }, statement);
  });
  if (outcome === null)
    return error(
      `A transaction holds the only connection: ${statement.split(/\s+/)[0] ?? statement} reads on it only between transactions.`,
      'COMMIT or ROLLBACK first, then run it again.',
    );
  return { kind: 'outcome', outcome };
}

/** Prints an answer as line mode prints statements: rows as the table (through the sink, flushed), errors as the CLI's. */
export async function printLineOutcome(
  outcome: Outcome,
  writer: ResultWriter,
  sink: OutputSink,
  say: (text: string) => void,
): Promise<void> {
  switch (outcome.kind) {
    case 'rows': {
      const { source } = outcome;
      const rows = source.rows.slice(0, source.rows.rowCount).filter((row): row is Row => row !== 'released');
      writer.begin(source.columns);
      writer.rows(rows);
      writer.end(rows.length);
      await sink.flush();
      return;
    }
    case 'done':
      say(outcome.summary);
      return;
    case 'info':
      if (outcome.title !== '') say(outcome.title);
      for (const line of outcome.lines) say(line);
      return;
    case 'error':
      printError({ message: outcome.message, hint: outcome.hint, exitCode: 1, kind: 'other' }, '', process.stdout);
  }
}
