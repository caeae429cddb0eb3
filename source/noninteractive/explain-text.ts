// The human-readable `dsn explain`: backend, target, redacted DSN, every parameter (given value
// or effective default) with its meaning, the connection as the service would use it (TLS,
// foreign keys, the SQL sent on connect, where values come from), pool settings and warnings.
import { meaningOfUnlisted, paramDocsFor } from '../dsn/param-docs.js';
import { formatPoolLimit } from '../dsn/pool-text.js';
import { MYSQL_READ_ONLY_STATEMENT } from '../dsn/session-statements.js';
import type { ParsedDsn } from '../dsn/types.js';
import { effectiveConnection, effectiveSources, type ExplainEffective } from './explain-effective.js';
import { explainTarget } from './explain-json.js';

const BACKEND_NAMES: Record<ParsedDsn['backend'], string> = {
  memory: 'memory (SQLite in memory, ephemeral)',
  sqlite: 'sqlite',
  postgres: 'postgres (PostgreSQL)',
  cockroach: 'cockroach (CockroachDB, PostgreSQL protocol)',
  mysql: 'mysql (MySQL / MariaDB)',
};

/** Sources worth a line: everything not written in the DSN itself, except unused file defaults. */
const WORTH_SHOWING = ([key, source]: [string, string]) =>
  source !== 'dsn' && !((key === 'passfile' || key === 'servicefile') && source === 'default');

export function explainText(dsn: ParsedDsn): string {
  const effective = effectiveConnection(dsn);
  const lines: string[] = [];
  lines.push(`backend  ${BACKEND_NAMES[dsn.backend]}`);
  lines.push(`target   ${describeTarget(dsn)}`);
  if (effective.hosts.length > 1) {
    lines.push(
      `hosts    ${effective.hosts.map((host) => host.socket ?? `${host.host}:${host.port}`).join(', ')} (tried in order, as the service does; target_session_attrs=${effective.targetSessionAttrs})`,
    );
  }
  lines.push(`dsn      ${dsn.redacted}`);
  const { given, defaults } = parameterRows(dsn);
  if (given.length > 0) {
    lines.push('', 'parameters given');
    lines.push(...formatRows(given));
  }
  lines.push('', given.length > 0 ? 'other parameters (effective default)' : 'parameters (none given; effective defaults)');
  lines.push(...formatRows(defaults));
  lines.push('', 'connection as the service would use it');
  lines.push(...connectionLines(dsn, effective));
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
    .map((doc) => ({ name: [doc.name, ...(doc.aliases ?? [])].join(' / '), value: doc.defaultText(dsn), meaning: doc.meaning }));
  // Given parameters in DSN order, documented or not; pool keys last, with the value in effect.
  const given: Row[] = Object.entries(dsn.params).map(([name, value]) => ({
    name,
    value: withForcedValue(dsn, name, value),
    meaning: meaningOf(dsn, name),
  }));
  for (const [name, value] of Object.entries(poolParams)) {
    const effective = poolValue(dsn, name);
    given.push({ name, value: value === effective ? value : `${value} (in effect: ${effective})`, meaning: meaningOf(dsn, name) });
  }
  return { given, defaults };
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
      return formatPoolLimit(pool.maxConns);
    case 'max_idle_conns':
      return String(pool.maxIdleConns);
    case 'max_conn_lifetime':
      return formatMs(pool.maxConnLifetimeMs);
    default:
      return formatMs(pool.maxConnIdleTimeMs);
  }
}

function connectionLines(dsn: ParsedDsn, effective: ExplainEffective): string[] {
  const rows: [string, string][] = [];
  if (effective.tls !== null) rows.push(['tls', describeTls(effective)]);
  if (effective.foreignKeys !== null) rows.push(['foreign keys', effective.foreignKeys ? 'on' : 'OFF']);
  const sql = effective.sessionSql.length > 0 ? [...effective.sessionSql] : ['(none)'];
  if (dsn.backend === 'mysql') sql.push(`(with --read-only, ${MYSQL_READ_ONLY_STATEMENT} is sent before everything else)`);
  rows.push(['on connect', sql[0]!], ...sql.slice(1).map((statement): [string, string] => ['', statement]));
  const sources = Object.entries(effectiveSources(dsn)).filter(WORTH_SHOWING);
  for (const [index, [key, source]] of sources.entries()) rows.push([index === 0 ? 'sources' : '', `${key}: ${source}`]);
  return rows.map(([label, text]) => `  ${label.padEnd(12)}  ${text}`);
}

function describeTls(effective: ExplainEffective): string {
  const encrypt = {
    always: 'always encrypted',
    'if-offered': 'encrypted when the server offers TLS, else plaintext',
    'if-required': 'plaintext first, TLS when the server requires it',
    never: 'never encrypted',
  }[effective.tls!.encrypt];
  const verify = {
    none: 'certificate not verified',
    chain: 'certificate chain verified',
    'chain-and-host-name': 'certificate chain and host name verified',
  }[effective.tls!.verify];
  const mode = effective.sslmode === null ? '' : ` (sslmode ${effective.sslmode})`;
  return effective.tls!.encrypt === 'never' ? `never encrypted${mode}` : `${encrypt}, ${verify}${mode}`;
}

function formatRows(rows: Row[]): string[] {
  const nameWidth = Math.min(28, Math.max(...rows.map((row) => row.name.length)));
  return rows.map(
    (row) => `  ${row.name.padEnd(nameWidth)}  ${row.value === '' ? '""' : row.value}\n  ${' '.repeat(nameWidth)}  ${row.meaning}`,
  );
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
  if (dsn.backend === 'postgres' || dsn.backend === 'cockroach') {
    if (dsn.passwordFrom !== null)
      parts.push(dsn.passwordFrom === 'dsn' ? 'password given (hidden)' : `password from ${dsn.passwordFrom} (hidden)`);
  } else if (dsn.backend === 'mysql') parts.push(dsn.password === null || dsn.password === '' ? 'no password' : 'password given (hidden)');
  return parts.join(', ');
}

function describePool(dsn: ParsedDsn): string {
  const { pool } = dsn;
  return `${formatPoolLimit(pool.maxConns)} open max, ${pool.maxIdleConns} idle max, lifetime ${formatMs(pool.maxConnLifetimeMs)}, idle time ${formatMs(pool.maxConnIdleTimeMs)}`;
}

function formatMs(ms: number): string {
  return ms === 0 ? 'unlimited' : `${ms} ms`;
}
