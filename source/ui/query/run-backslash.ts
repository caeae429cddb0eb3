// Backslash commands that read the catalog or the connection, answered as Outcomes.
import type { Adapter, ServerFacts } from '../../adapters/adapter.js';
import type { ResolvedTarget } from '../../profiles/target.js';
import { dsnWarnings } from '../format/dsn-check.js';
import { helpLines } from '../keys/help-lines.js';
import { type BackslashCommand, matchesPattern } from '../sql/backslash-commands.js';
import type { Outcome } from './outcome.js';
import { ResultSource } from './result-source.js';

export interface BackslashContext {
  adapter: Adapter;
  target: ResolvedTarget;
  facts: ServerFacts | null;
  signal: AbortSignal;
}

const text = (name: string) => ({ name, type: 'text' });

async function listTables(context: BackslashContext, pattern: string | null, statement: string): Promise<Outcome> {
  const tables = await context.adapter.introspect.tables(undefined, { signal: context.signal });
  const rows = tables.filter((table) => matchesPattern(pattern, table.name)).map((table) => [table.schema, table.name, table.kind]);
  if (rows.length === 0) return { kind: 'info', title: pattern ? `No tables match ${pattern}.` : 'No tables.', lines: [] };
  return { kind: 'rows', source: ResultSource.fromRows([text('schema'), text('name'), text('kind')], rows), elapsedMs: 0, statement };
}

async function describe(context: BackslashContext, name: string, statement: string): Promise<Outcome> {
  const [schema, table] = name.includes('.') ? [name.slice(0, name.indexOf('.')), name.slice(name.indexOf('.') + 1)] : [undefined, name];
  const columns = await context.adapter.introspect.columns(table, schema, { signal: context.signal });
  if (columns.length === 0) return { kind: 'error', message: `No table or view named ${name}.`, hint: 'List them with \\dt.', statement, position: null };
  const rows = columns.map((column) => [column.name, column.type, column.nullable ? 'yes' : 'no']);
  return { kind: 'rows', source: ResultSource.fromRows([text('column'), text('type'), text('nullable')], rows), elapsedMs: 0, statement };
}

function connInfo(context: BackslashContext): Outcome {
  const { target, facts, adapter } = context;
  const lines = [
    `profile   ${target.profileName ?? '(none: DSN given directly)'}`,
    `backend   ${adapter.backend}`,
    `target    ${target.redacted}`,
    `source    ${target.source}`,
  ];
  // The DSN's warnings next to the DSN, before the server's facts.
  const warnings = dsnWarnings(target.dsn);
  if (warnings.length === 0) lines.push('warnings  none from the DSN');
  for (const warning of warnings) lines.push(...wrapWords(warning, 68).map((text, index) => `${index === 0 ? 'warning  !' : '          '} ${text}`));
  if (facts) {
    lines.push(`server    ${facts.product} ${facts.version}`);
    lines.push(`tls       ${facts.tls.ok ? (facts.tls.value.encrypted ? `encrypted${facts.tls.value.verified ? ', verified' : ', not verified'}` : 'not encrypted') : facts.tls.reason}`);
    for (const [key, value] of Object.entries(facts.details)) lines.push(`${key.padEnd(9)} ${value}`);
  }
  return { kind: 'info', title: 'Connection', lines };
}

/** Lines of at most `width` characters, broken between words (the info view does not wrap). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current !== '' && current.length + 1 + word.length > width) { lines.push(current); current = word; }
    else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') lines.push(current);
  return lines;
}

export async function runBackslash(command: BackslashCommand, context: BackslashContext, statement: string): Promise<Outcome> {
  const started = performance.now();
  const outcome = await answer(command, context, statement);
  return outcome.kind === 'rows' ? { ...outcome, elapsedMs: performance.now() - started } : outcome;
}

async function answer(command: BackslashCommand, context: BackslashContext, statement: string): Promise<Outcome> {
  try {
    switch (command.kind) {
      case 'listTables': return await listTables(context, command.pattern, statement);
      case 'describe': return await describe(context, command.name, statement);
      case 'listSchemas': {
        if (!context.adapter.capabilities.schemas) return { kind: 'info', title: 'This backend has one schema per database.', lines: [] };
        const schemas = await context.adapter.introspect.schemas({ signal: context.signal });
        return { kind: 'rows', source: ResultSource.fromRows([text('schema')], schemas.map((schema) => [schema.name])), elapsedMs: 0, statement };
      }
      case 'connInfo': return connInfo(context);
      case 'help': return { kind: 'info', title: 'Help', lines: helpLines() };
      case 'unknown': return { kind: 'error', message: `Unknown command ${command.text}.`, hint: 'Type \\? for the list of commands.', statement, position: null };
      default: return { kind: 'info', title: '', lines: [] };
    }
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error), hint: null, statement, position: null };
  }
}
