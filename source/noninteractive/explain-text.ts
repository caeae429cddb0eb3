// The human-readable `dsn explain`: backend, target, redacted DSN, every parameter (given value
// or effective default) with its meaning, the connection as the service would use it (TLS,
// foreign keys, the SQL sent on connect, where values come from), pool settings and warnings.
// What differs between backends comes from each backend's descriptor `explain`.
import type { ExplainEffective } from '../adapters/backend-explain.js';
import { descriptorFor } from '../adapters/backend-descriptors.js';
import { POOL_PARAM_DOCS, type ParamDoc } from '../dsn/param-docs.js';
import { formatPoolLimit } from '../dsn/pool-text.js';
import type { ParsedDsn } from '../dsn/types.js';
import { effectiveConnection, effectiveSources } from './explain-effective.js';
import { explainTarget } from './explain-json.js';

/** Sources worth a line: everything not written in the DSN itself, except unused file defaults. */
const WORTH_SHOWING = ([key, source]: [string, string]) =>
  source !== 'dsn' && !((key === 'passfile' || key === 'servicefile') && source === 'default');

export function explainText(dsn: ParsedDsn): string {
  const effective = effectiveConnection(dsn);
  const lines: string[] = [];
  lines.push(`backend  ${descriptorFor(dsn).explain.titles[dsn.backend]}`);
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

/** The backend's own parameters, then the pool keys every backend takes. */
function paramDocsFor(dsn: ParsedDsn): readonly ParamDoc[] {
  return [...descriptorFor(dsn).explain.paramDocs(dsn.backend), ...POOL_PARAM_DOCS];
}

function parameterRows(dsn: ParsedDsn): { given: Row[]; defaults: Row[] } {
  const docs = paramDocsFor(dsn);
  const poolParams = dsn.poolParams ?? {};
  const isGiven = (name: string) => name in dsn.params || name in poolParams;
  const defaults: Row[] = docs
    .filter((doc) => ![doc.name, ...(doc.aliases ?? [])].some(isGiven))
    .map((doc) => ({ name: [doc.name, ...(doc.aliases ?? [])].join(' / '), value: doc.defaultText(dsn), meaning: doc.meaning }));
  // Given parameters in DSN order, documented or not; pool keys last, with the value in effect.
  const given: Row[] = Object.entries(dsn.params).map(([name, value]) => ({
    name,
    value: descriptorFor(dsn).explain.valueInEffect(name, value),
    meaning: meaningOf(dsn, name),
  }));
  for (const [name, value] of Object.entries(poolParams)) {
    const effective = poolValue(dsn, name);
    given.push({ name, value: value === effective ? value : `${value} (in effect: ${effective})`, meaning: meaningOf(dsn, name) });
  }
  return { given, defaults };
}

function meaningOf(dsn: ParsedDsn, name: string): string {
  const doc = paramDocsFor(dsn).find((candidate) => candidate.name === name || candidate.aliases?.includes(name));
  return doc?.meaning ?? descriptorFor(dsn).explain.meaningOfUnlisted(name);
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
  sql.push(...descriptorFor(dsn).explain.onConnectNotes);
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
  return descriptorFor(dsn).explain.targetText(dsn, explainTarget(dsn));
}

function describePool(dsn: ParsedDsn): string {
  const { pool } = dsn;
  return `${formatPoolLimit(pool.maxConns)} open max, ${pool.maxIdleConns} idle max, lifetime ${formatMs(pool.maxConnLifetimeMs)}, idle time ${formatMs(pool.maxConnIdleTimeMs)}`;
}

function formatMs(ms: number): string {
  return ms === 0 ? 'unlimited' : `${ms} ms`;
}
