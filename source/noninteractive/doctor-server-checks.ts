// The parts of doctor that look at the server itself, whatever the DSN says: the probe before
// connecting (protocol, TLS offered, certificate, plaintext refused), the diagnosis of a failed
// connection, and once connected: TLS advice, the dialect check, and Ory's migration preflight
// for MySQL/MariaDB (and the CockroachDB version).
import type { Adapter, ServerProbe } from '../adapters/adapter.js';
import { AdapterError } from '../adapters/adapter-error.js';
import { probeServer } from '../adapters/probe-server.js';
import type { ParsedDsn } from '../dsn/types.js';
import { migrationDialectOf } from '../migrations/index.js';
import { readAppliedState } from '../migrations/read-applied.js';
import { verifyDialect } from '../migrations/verify-dialect.js';
import { MYSQL_REQUIRE_SECURE_TRANSPORT_SQL, mysqlPreflight, type PreflightCheck } from '../ory/server-requirements.js';
import type { Diagnosis } from './doctor-diagnosis.js';

export interface ServerChecks {
  probe?: ServerProbe;
  diagnosis?: Diagnosis;
  /** What the server offers that the DSN does not use, or a downgrade the DSN allows */
  tlsAdvice?: string[];
  /** Ory's migrations against this server (MySQL/MariaDB) */
  preflight?: PreflightCheck[];
}

const PROBE_TIMEOUT_MS = 2000;

/** Errors after which connecting again cannot succeed: doctor answers at once. */
export const DEFINITIVE = new Set(['ENOTFOUND', 'EAI_NONAME', 'ECONNREFUSED', 'ENOENT', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * When the probe alone shows that connecting cannot work (no such host, nothing listening, the
 * other database's protocol), the failure to report at once instead of waiting for the driver.
 */
export function hopelessConnect(dsn: ParsedDsn, probe: ServerProbe | undefined): AdapterError | null {
  if (!probe) return null;
  if (probe.unreachable && DEFINITIVE.has(probe.unreachable.code))
    return new AdapterError('connect', dsn.backend, probe.unreachable.message, { code: probe.unreachable.code });
  const expected = dsn.backend === 'mysql' ? 'mysql' : 'postgres';
  if ((probe.protocol === 'mysql' || probe.protocol === 'postgres') && probe.protocol !== expected) {
    return new AdapterError(
      'connect',
      dsn.backend,
      `the server at ${probe.address} does not speak ${expected === 'mysql' ? "MySQL's" : "PostgreSQL's"} protocol`,
    );
  }
  return null;
}

export async function probeBeforeConnecting(dsn: ParsedDsn): Promise<ServerProbe | undefined> {
  try {
    return (await probeServer(dsn, PROBE_TIMEOUT_MS)) ?? undefined;
  } catch {
    return undefined;
  }
}

function tlsMode(dsn: ParsedDsn): string {
  if (dsn.backend === 'mysql') return `tls=${dsn.tls}`;
  if (dsn.backend === 'postgres' || dsn.backend === 'cockroach')
    return `sslmode=${dsn.ssl.mode}${dsn.ssl.modeDefaulted ? ' (the default)' : ''}`;
  return '';
}

export function tlsAdvice(
  dsn: ParsedDsn,
  probe: ServerProbe | undefined,
  inUse: { encrypted: boolean; verified: boolean } | null,
): string[] {
  if (!probe || probe.tls.offered === null || inUse === null) return [];
  const advice: string[] = [];
  const mode = tlsMode(dsn);
  const plaintextAllowed =
    dsn.backend === 'mysql'
      ? dsn.tls === 'false' || dsn.tls === 'preferred'
      : (dsn.backend === 'postgres' || dsn.backend === 'cockroach') && ['disable', 'allow', 'prefer'].includes(dsn.ssl.mode);
  if (probe.tls.offered && !inUse.encrypted) advice.push(`the server offers TLS but this connection is plaintext (${mode})`);
  if (inUse.encrypted && plaintextAllowed && probe.tls.requiredByServer === false) {
    advice.push(
      `with ${mode} a client falls back to plaintext when TLS fails, and the server accepts plaintext: use ${dsn.backend === 'mysql' ? 'tls=true' : 'sslmode=verify-full (or require)'} so it cannot be downgraded`,
    );
  }
  if (inUse.encrypted && !inUse.verified && probe.tls.verified === true) {
    advice.push(
      `the server's certificate verifies${dsn.backend === 'mysql' ? '' : " with the DSN's sslrootcert or the default CA store"}: ${dsn.backend === 'mysql' ? 'tls=true' : 'sslmode=verify-full'} would also check who answers`,
    );
  }
  if (inUse.encrypted && !inUse.verified && probe.tls.verified === false) {
    advice.push(
      `encrypted but not verified, and the certificate would not verify (${probe.tls.verifyError ?? 'unknown reason'})${dsn.backend === 'mysql' ? '' : ': give its CA with sslrootcert= before using verify-full'}`,
    );
  }
  return advice;
}

/** After a successful connection. Every check reports; none throws. */
export async function inspectServer(
  adapter: Adapter,
  checks: ServerChecks,
  facts: { product: string; version: string; details: Record<string, string> } | null,
  warnings: string[],
): Promise<void> {
  try {
    const problem = await verifyDialect(adapter);
    if (problem) warnings.push(`wrong dialect: ${problem}`);
  } catch {
    // A server that cannot answer version() has failed the earlier checks already.
  }
  if (adapter.backend !== 'mysql' || facts === null) return;
  if (checks.probe) {
    try {
      const on = String((await adapter.run(MYSQL_REQUIRE_SECURE_TRANSPORT_SQL)).rows[0]?.[0] ?? '');
      checks.probe.tls.requiredByServer = on === '1' || on.toUpperCase() === 'ON';
      checks.probe.tls.requiredDetail = `require_secure_transport is ${checks.probe.tls.requiredByServer ? 'ON' : 'OFF'}`;
    } catch {
      checks.probe.tls.requiredDetail = 'require_secure_transport could not be read (older server)';
    }
  }
  let applied = new Set<string>();
  try {
    applied = new Set((await readAppliedState(adapter, migrationDialectOf(adapter.backend))).ory?.appliedVersions ?? []);
  } catch {
    // No migration table readable: every requirement is checked.
  }
  checks.preflight = mysqlPreflight({ product: facts.product, version: facts.version, sqlMode: facts.details.sql_mode ?? null }, applied);
}
