// Binding and showing the cleanup statements per SQL dialect: `?` becomes $1… on PostgreSQL; a
// time is written as each driver stores Ory's UTC times (PostgreSQL ignores the Z of a
// timestamp-without-zone literal; MySQL DATETIME has no zone; go-sqlite3 keeps text with +00:00).
import type { SqlDialect } from '../sql/dialect.js';
import type { Param } from './cleanup-criteria.js';

export function timeText(dialect: SqlDialect, date: Date): string {
  const iso = date.toISOString().replace('T', ' ');
  if (dialect === 'mysql') return iso.slice(0, -1);
  if (dialect === 'sqlite') return `${iso.slice(0, -1)}+00:00`;
  return iso;
}

export function placeholders(dialect: SqlDialect, sql: string): string {
  if (dialect !== 'postgres') return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export function bind(params: Param[], cutoff: Date, nid: string | null, dialect: SqlDialect): Array<string | number | null> {
  return params.map((param) => (param === 'cutoff' ? timeText(dialect, cutoff) : param === 'nid' ? nid : param));
}

function literal(value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  return `'${value.replaceAll("'", "''")}'`;
}

/** The statement as the service would send it, its parameters written in (for reading, never run). */
export function withValues(sql: string, values: Array<string | number | null>): string {
  let i = 0;
  return sql.replace(/\?/g, () => literal(values[i++] ?? null));
}
