// Backslash commands that read the catalog or the connection, answered as Outcomes.
import type { Adapter, ServerFacts } from '../../adapters/adapter.js';
import type { ResolvedTarget } from '../../profiles/target.js';
import { lockReportLines, oryReportLines, sessionsReportLines } from '../../sessions/console-reports.js';
import { escapeControl } from '../format/cell-text.js';
import { dsnWarnings } from '../format/dsn-check.js';
import { helpLines } from '../keys/help-lines.js';
import type { BackslashCommand } from '../sql/backslash-commands.js';
import { databaseOf } from './database-of.js';
import type { Outcome } from './outcome.js';
import { ResultSource } from './result-source.js';
import { onlyConnectionOutcome, sessionHoldsOnlyConnection } from './only-connection.js';
import { describeRelations, listFunctions, listIndexes, listRelations } from './run-describe.js';

export interface BackslashContext {
  adapter: Adapter;
  target: ResolvedTarget;
  facts: ServerFacts | null;
  signal: AbortSignal;
  /** The session's current database when a USE chose it; null: the DSN's */
  database?: string | null;
  /** PostgreSQL: the session's search_path once a statement may have changed it; null: the DSN's */
  searchPath?: string | null;
}

const text = (name: string) => ({ name, type: 'text' });

function connInfo(context: BackslashContext): Outcome {
  const { target, facts, adapter } = context;
  const lines = [
    `profile   ${target.profileName ?? '(none: DSN given directly)'}`,
    `backend   ${adapter.backend}`,
    `target    ${target.redacted}`,
    `source    ${target.source}`,
  ];
  const inDsn = databaseOf(target);
  if (context.database)
    lines.push(`database  ${escapeControl(context.database)} (USE; the DSN names ${inDsn === null ? 'none' : escapeControl(inDsn)})`);
  else if (inDsn !== null) lines.push(`database  ${escapeControl(inDsn)}`);
  // The DSN's warnings next to the DSN, before the server's facts.
  const warnings = dsnWarnings(target);
  if (warnings.length === 0) lines.push('warnings  none from the DSN');
  for (const warning of warnings)
    lines.push(...wrapWords(warning, 68).map((text, index) => `${index === 0 ? 'warning  !' : '          '} ${text}`));
  if (facts) {
    // PostgreSQL's version() already starts with the product's name; MySQL's does not.
    const named = facts.version.toLowerCase().startsWith(facts.product.toLowerCase());
    lines.push(`server    ${named ? facts.version : `${facts.product} ${facts.version}`}`);
    lines.push(
      `tls       ${facts.tls.ok ? (facts.tls.value.encrypted ? `encrypted${facts.tls.value.verified ? ', verified' : ', not verified'}` : 'not encrypted') : facts.tls.reason}`,
    );
    for (const [key, value] of Object.entries(facts.details)) lines.push(`${key.padEnd(9)} ${value}`);
  }
  return { kind: 'info', title: 'Connection', lines };
}

/** Lines of at most `width` characters, broken between words (the info view does not wrap). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') lines.push(current);
  return lines;
}

export async function runBackslash(command: BackslashCommand, context: BackslashContext, statement: string): Promise<Outcome> {
  const started = performance.now();
  const outcome = await answer(command, context, statement);
  return outcome.kind === 'rows' ? { ...outcome, elapsedMs: performance.now() - started } : outcome;
}

/** Commands that read on a second connection beside the session (the \d family guards its own reads) */
const READS_BESIDE_SESSION = new Set<BackslashCommand['kind']>(['listSchemas', 'sessions', 'locks', 'ory']);

async function answer(command: BackslashCommand, context: BackslashContext, statement: string): Promise<Outcome> {
  if (READS_BESIDE_SESSION.has(command.kind) && sessionHoldsOnlyConnection(context.adapter)) return onlyConnectionOutcome(statement);
  try {
    switch (command.kind) {
      case 'listTables':
        return await listRelations(context, command.pattern, command.only, statement);
      case 'listIndexes':
        return await listIndexes(context, command.pattern, statement);
      case 'listFunctions':
        return await listFunctions(context, command.pattern, statement);
      case 'describe':
        return await describeRelations(context, command.name, statement);
      case 'listSchemas': {
        if (!context.adapter.capabilities.schemas) return { kind: 'info', title: 'This backend has one schema per database.', lines: [] };
        const schemas = await context.adapter.introspect.schemas({ signal: context.signal });
        return {
          kind: 'rows',
          source: ResultSource.fromRows(
            [text('schema')],
            schemas.map((schema) => [schema.name]),
          ),
          elapsedMs: 0,
          statement,
        };
      }
      case 'connInfo':
        return connInfo(context);
      case 'help':
        return { kind: 'info', title: 'Help', lines: helpLines() };
      // Server-provided text (statements, application names): control characters shown escaped.
      case 'sessions':
        return {
          kind: 'info',
          title: 'Server sessions',
          lines: (await sessionsReportLines(context.adapter, context.target, command.replicas, context.signal)).map(escapeControl),
        };
      case 'locks':
        return { kind: 'info', title: 'Lock waits', lines: (await lockReportLines(context.adapter, context.signal)).map(escapeControl) };
      case 'ory':
        return {
          kind: 'info',
          title: 'Ory (read-only: the cleanup statements are shown, never run)',
          lines: (await oryReportLines(context.adapter, context.target, command.exact)).map(escapeControl),
        };
      case 'unknown':
        return {
          kind: 'error',
          message: `Unknown command ${command.text}.`,
          hint: 'Type \\? for the list of commands.',
          statement,
          position: null,
        };
      default:
        return { kind: 'info', title: '', lines: [] };
    }
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error), hint: null, statement, position: null };
  }
}
