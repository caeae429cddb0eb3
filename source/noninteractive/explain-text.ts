// The human-readable `dsn explain`: backend, target, redacted DSN, every parameter (given value
// or effective default) with its meaning, pool settings and warnings.
import { meaningOfUnlisted, paramDocsFor } from '../dsn/param-docs.js';
import type { ParsedDsn } from '../dsn/types.js';
import { explainTarget } from './explain-json.js';

const BACKEND_NAMES: Record<ParsedDsn['backend'], string> = {
  memory: 'memory (SQLite in memory, ephemeral)',
  sqlite: 'sqlite',
  postgres: 'postgres (PostgreSQL)',
  cockroach: 'cockroach (CockroachDB, PostgreSQL protocol)',
  mysql: 'mysql (MySQL / MariaDB)',
};

export function explainText(dsn: ParsedDsn): string {
  const lines: string[] = [];
  lines.push(`backend  ${BACKEND_NAMES[dsn.backend]}`);
  lines.push(`target   ${describeTarget(dsn)}`);
  lines.push(`dsn      ${dsn.redacted}`);
  const { given, defaults } = parameterRows(dsn);
  if (given.length > 0) {
    lines.push('', 'parameters given');
    lines.push(...formatRows(given));
  }
  lines.push('', given.length > 0 ? 'other parameters (effective default)' : 'parameters (none given; effective defaults)');
  lines.push(...formatRows(defaults));
  lines.push('', `pool     ${describePool(dsn)}`);
  if (dsn.warnings.length > 0) {
    lines.push('', 'warnings');
    for (const warning of dsn.warnings) lines.push(`  ! ${warning}`);
  }
  return `${lines.join('\n')}\n`;
}

interface Row {
  name: string;
  value: string;
  meaning: string;
}

function parameterRows(dsn: ParsedDsn): { given: Row[]; defaults: Row[] } {
  const docs = paramDocsFor(dsn.backend);
  const poolParams = dsn.poolParams ?? {};
  const isGiven = (name: string) => name in dsn.params || name in poolParams;
  const defaults: Row[] = docs
    .filter((doc) => ![doc.name, ...(doc.aliases ?? [])].some(isGiven))
    .map((doc) => ({ name: [doc.name, ...(doc.aliases ?? [])].join(' / '), value: setByExplicitPragma(dsn, doc.pragma) ?? doc.defaultText(dsn), meaning: doc.meaning }));
  // Given parameters in DSN order, documented or not; pool keys last, with the value in effect.
  const given: Row[] = Object.entries(dsn.params).map(([name, value]) => ({ name, value: withForcedValue(dsn, name, value), meaning: meaningOf(dsn, name) }));
  for (const [name, value] of Object.entries(poolParams)) {
    const effective = poolValue(dsn, name);
    given.push({ name, value: value === effective ? value : `${value} (in effect: ${effective})`, meaning: meaningOf(dsn, name) });
  }
  return { given, defaults };
}

/** An explicit `_pragma=name(value)` sets a PRAGMA whose `_name` form is absent. */
function setByExplicitPragma(dsn: ParsedDsn, pragma: string | undefined): string | null {
  if (dsn.backend !== 'sqlite' || pragma === undefined || !dsn.params._pragma) return null;
  const set = dsn.pragmas.find((candidate) => candidate.name === pragma);
  return set && new RegExp(`(^|, )\\s*${pragma}\\s*[(=]`, 'i').test(dsn.params._pragma) ? `${set.value} (set by _pragma)` : null;
}

/** Ory forces three MySQL flags to true whatever the DSN says. */
function withForcedValue(dsn: ParsedDsn, name: string, value: string): string {
  if (dsn.backend !== 'mysql' || !['parseTime', 'multiStatements', 'clientFoundRows'].includes(name)) return value;
  return value === 'true' ? value : `${value} (in effect: true, forced by Ory)`;
}

function meaningOf(dsn: ParsedDsn, name: string): string {
  const doc = paramDocsFor(dsn.backend).find((candidate) => candidate.name === name || candidate.aliases?.includes(name));
  return doc?.meaning ?? meaningOfUnlisted(dsn.backend, name);
}

function poolValue(dsn: ParsedDsn, name: string): string {
  const { pool } = dsn;
  switch (name) {
    case 'max_conns':
      return String(pool.maxConns);
    case 'max_idle_conns':
      return String(pool.maxIdleConns);
    case 'max_conn_lifetime':
      return formatMs(pool.maxConnLifetimeMs);
    default:
      return formatMs(pool.maxConnIdleTimeMs);
  }
}

function formatRows(rows: Row[]): string[] {
  const nameWidth = Math.min(28, Math.max(...rows.map((row) => row.name.length)));
  return rows.map((row) => `  ${row.name.padEnd(nameWidth)}  ${row.value === '' ? '""' : row.value}\n  ${' '.repeat(nameWidth)}  ${row.meaning}`);
}

function describeTarget(dsn: ParsedDsn): string {
  const target = explainTarget(dsn);
  if (dsn.backend === 'memory') return 'in-memory database (foreign keys on; gone when dsnsh exits)';
  if (target.path !== null) return dsn.backend === 'sqlite' && dsn.inMemory ? 'in-memory SQLite database' : `file ${target.path}`;
  const parts: string[] = [];
  if (target.socket !== null) parts.push(`socket ${target.socket}`);
  else parts.push(`host ${target.host}`, `port ${target.port}`);
  parts.push(`database ${target.database ?? '(none; the server default)'}`);
  parts.push(`user ${target.user ?? '(none)'}`);
  if ((dsn.backend === 'postgres' || dsn.backend === 'cockroach' || dsn.backend === 'mysql') && dsn.password !== null) parts.push('password given (hidden)');
  return parts.join(', ');
}

function describePool(dsn: ParsedDsn): string {
  const { pool } = dsn;
  return `${pool.maxConns} open max, ${pool.maxIdleConns} idle max, lifetime ${formatMs(pool.maxConnLifetimeMs)}, idle time ${formatMs(pool.maxConnIdleTimeMs)}`;
}

function formatMs(ms: number): string {
  return ms === 0 ? 'unlimited' : `${ms} ms`;
}
