// The parts of doctor that look at the server itself, whatever the DSN says: the probe before
// connecting (protocol, TLS offered, certificate, plaintext refused), the diagnosis of a failed
// connection, and once connected: TLS advice, the dialect check, and Ory's migration preflight
// where the backend has one (MySQL/MariaDB). What differs between backends comes from each
// backend's descriptor, its `server` (adapters/NAME/NAME-server.ts).
import type { Adapter, ServerProbe } from '../adapters/adapter.js';
import { AdapterError } from '../adapters/adapter-error.js';
import { descriptorFor, descriptorOfBackend, wireSpeaking } from '../adapters/backend-descriptors.js';
import { probeServer } from '../adapters/probe-server.js';
import type { ParsedDsn } from '../dsn/types.js';
import { migrationDialectOf } from '../migrations/index.js';
import { readAppliedState } from '../migrations/read-applied.js';
import { verifyDialect } from '../migrations/verify-dialect.js';
import type { PreflightCheck } from '../ory/server-requirements.js';
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
  const expected = descriptorFor(dsn).server.wire;
  const heard = wireSpeaking(probe.protocol);
  if (expected !== null && heard !== null && heard.protocol !== expected.protocol)
    return new AdapterError('connect', dsn.backend, `the server at ${probe.address} does not speak ${expected.owner} protocol`);
  return null;
}

export async function probeBeforeConnecting(dsn: ParsedDsn): Promise<ServerProbe | undefined> {
  try {
    return (await probeServer(dsn, PROBE_TIMEOUT_MS)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function tlsAdvice(
  dsn: ParsedDsn,
  probe: ServerProbe | undefined,
  inUse: { encrypted: boolean; verified: boolean } | null,
): string[] {
  const tls = descriptorFor(dsn).server.tls;
  if (tls === null || !probe || probe.tls.offered === null || inUse === null) return [];
  const advice: string[] = [];
  const mode = `${tls.setting(dsn)}${tls.defaulted(dsn) ? ' (the default)' : ''}`;
  if (probe.tls.offered && !inUse.encrypted) advice.push(`the server offers TLS but this connection is plaintext (${mode})`);
  if (inUse.encrypted && tls.allowsPlaintext(dsn) && probe.tls.requiredByServer === false) {
    advice.push(
      `with ${mode} a client falls back to plaintext when TLS fails, and the server accepts plaintext: use ${tls.strictSetting} so it cannot be downgraded`,
    );
  }
  if (inUse.encrypted && !inUse.verified && probe.tls.verified === true)
    advice.push(`the server's certificate verifies${tls.verifiesAgainst}: ${tls.verifyingSetting} would also check who answers`);
  if (inUse.encrypted && !inUse.verified && probe.tls.verified === false) {
    advice.push(
      `encrypted but not verified, and the certificate would not verify (${probe.tls.verifyError ?? 'unknown reason'})${tls.caHint}`,
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
  const { requirements } = descriptorOfBackend(adapter.backend).server;
  if (requirements === null || facts === null) return;
  if (checks.probe) {
    try {
      const on = String((await adapter.run(requirements.requireSecureTransportSql)).rows[0]?.[0] ?? '');
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
  checks.preflight = requirements.preflight(
    { product: facts.product, version: facts.version, sqlMode: facts.details.sql_mode ?? null },
    applied,
  );
}
