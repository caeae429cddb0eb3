// One round trip on one connection, turned into StatementResults. Text without parameters goes
// through the simple query protocol, which runs several statements and returns one result each.
import type { ClientBase, FieldDef, QueryArrayResult } from 'pg';
import type { Column, Row, StatementResult, Value } from '../adapter.js';
import { untilReady } from './pg-client-state.js';
import { TypeNames } from './pg-type-names.js';
import { serverTextTypes } from './pg-value-types.js';

const WRITE_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'COPY', 'MOVE', 'FETCH']);

/** Type names are looked up on the statement's own connection, unless its transaction failed. */
export function typeNamesFor(client: ClientBase, cache: Map<number, string>): TypeNames {
  return new TypeNames(async (oids) => {
    if (client.getTransactionStatus?.() === 'E') return new Map();
    const result = await client.query<[number, string]>({
      text: 'SELECT oid::int8::text, typname::text FROM pg_catalog.pg_type WHERE oid::int8 = ANY($1::int8[])',
      values: [oids],
      rowMode: 'array',
    });
    const found = new Map<number, string>();
    for (const [oid, name] of result.rows) found.set(Number(oid), name);
    for (const [oid, name] of found) cache.set(oid, name);
    return found;
  }, cache);
}

export async function columnsOf(fields: FieldDef[], typeNames: TypeNames): Promise<Column[]> {
  const types = await typeNames.names(fields.map((field) => field.dataTypeID));
  return fields.map((field, i) => ({ name: field.name, type: types[i] ?? '' }));
}

async function toStatementResult(result: QueryArrayResult, typeNames: TypeNames, elapsedMs: number): Promise<StatementResult> {
  const fields = result.fields ?? [];
  const command = result.command || null;
  const writes = command !== null && (WRITE_COMMANDS.has(command) || (fields.length === 0 && command === 'SELECT'));
  return {
    columns: await columnsOf(fields, typeNames),
    rows: (result.rows ?? []) as Row[],
    affectedRows: writes ? (result.rowCount ?? 0) : null,
    command,
    elapsedMs,
  };
}

/**
 * Runs `sql` and returns every statement's result in order. The server reports no per-statement
 * timing for a multi-statement text, so each result carries the elapsed time of the whole text.
 */
export async function runStatements(
  client: ClientBase,
  sql: string,
  params: Value[] | undefined,
  typeNames: TypeNames,
  serverText = false,
): Promise<StatementResult[]> {
  const started = performance.now();
  // Without `types` the client's normalising parsers apply (pg-value-types.ts).
  const types = serverText ? { types: serverTextTypes } : {};
  let raw: unknown;
  try {
    raw =
      params && params.length > 0
        ? await client.query({ text: sql, values: params, rowMode: 'array', ...types })
        : await client.query({ text: sql, rowMode: 'array', ...types });
  } catch (error) {
    await untilReady(client);
    throw error;
  }
  const elapsedMs = performance.now() - started;
  const results = (Array.isArray(raw) ? raw : [raw]) as QueryArrayResult[];
  return Promise.all(results.map((result) => toStatementResult(result, typeNames, elapsedMs)));
}
