// What Kratos' `cleanup sql` and Hydra's `janitor` delete, by the criteria of their public code
// (Kratos and Hydra v26.2): the table, the WHERE clause, the cutoff time and how many matching
// rows one run removes, and the statement the service runs. dsnsh only counts; it never deletes.
//
// Kratos (persistence/sql: DeleteExpired*): per table, rows with expires_at <= now - keep-last of
// the service's network, oldest first, ONE batch (-b, default 100) per table per run. Session
// token exchangers go by created_at <= now - keep-last + 1 hour, as Kratos writes it.
// Hydra (janitor --tokens --requests --grants): access and refresh tokens requested before
// min(now - keep-if-younger, now - their lifespan), up to --limit (10000) per run in batches
// (--batch-size, 100); login/consent flows that are unhandled, rejected or unused, requested
// before min(now - keep-if-younger, now - ttl.login_consent_request), up to --limit; trusted JWT
// grant issuers that expired before now - keep-if-younger, all of them.
import type { OryService } from './server-requirements.js';

export interface CleanupSettings {
  now: Date;
  /** Kratos --keep-last, Hydra --keep-if-younger */
  keepLastMs: number;
  /** Kratos -b/--batch-size (100), Hydra --batch-size (100) */
  batchSize: number;
  /** Hydra --limit (10000) */
  limit: number;
  /** Hydra ttl.access_token (1h), ttl.refresh_token (720h), ttl.login_consent_request (30m) */
  accessLifespanMs: number;
  refreshLifespanMs: number;
  consentRequestLifespanMs: number;
}

export const DEFAULT_CLEANUP: Omit<CleanupSettings, 'now'> = {
  keepLastMs: 0,
  batchSize: 100,
  limit: 10000,
  accessLifespanMs: 3_600_000,
  refreshLifespanMs: 720 * 3_600_000,
  consentRequestLifespanMs: 30 * 60_000,
};

export interface CleanupItem {
  service: Extract<OryService, 'kratos' | 'hydra'>;
  what: string;
  table: string;
  /** WHERE clause, `?` for the cutoff then the network id */
  where: string;
  cutoff: Date;
  /** Rows of the matching ones that one run removes at most; null = all of them */
  perRun: number | null;
  /** The statement(s) the service runs, with what each `?` binds */
  statements: Statement[];
  note: string | null;
}

export type Param = 'cutoff' | 'nid' | number;

export interface Statement {
  sql: string;
  params: Param[];
}

const KRATOS_TABLES: Array<[string, string]> = [
  ['sessions', 'expired sessions'],
  ['continuity_containers', 'expired continuity containers'],
  ['selfservice_login_flows', 'expired login flows'],
  ['selfservice_recovery_flows', 'expired recovery flows'],
  ['selfservice_registration_flows', 'expired registration flows'],
  ['selfservice_settings_flows', 'expired settings flows'],
  ['selfservice_verification_flows', 'expired verification flows'],
];

const HOUR = 3_600_000;
const minus = (now: Date, ms: number) => new Date(now.getTime() - ms);
const earlier = (a: Date, b: Date) => (a.getTime() < b.getTime() ? a : b);

function kratosItems(s: CleanupSettings): CleanupItem[] {
  const cutoff = minus(s.now, s.keepLastMs);
  const items: CleanupItem[] = KRATOS_TABLES.map(([table, what]) => ({
    service: 'kratos',
    what,
    table,
    where: 'expires_at <= ? AND nid = ?',
    cutoff,
    perRun: s.batchSize,
    statements: [
      {
        sql: `DELETE FROM ${table} WHERE id in (SELECT id FROM (SELECT id FROM ${table} c WHERE expires_at <= ? and nid = ? ORDER BY expires_at ASC LIMIT ?) AS s)`,
        params: ['cutoff', 'nid', s.batchSize],
      },
    ],
    note: null,
  }));
  items.push({
    service: 'kratos',
    what: 'session token exchangers',
    table: 'session_token_exchanges',
    where: 'created_at <= ? AND nid = ?',
    cutoff: new Date(cutoff.getTime() + HOUR),
    perRun: s.batchSize,
    statements: [
      {
        sql: 'DELETE FROM session_token_exchanges WHERE id in (SELECT id FROM (SELECT id FROM session_token_exchanges c WHERE created_at <= ? and nid = ? ORDER BY created_at ASC LIMIT ?) AS s)',
        params: ['cutoff', 'nid', s.batchSize],
      },
    ],
    note: 'Kratos compares created_at with now - keep-last + 1 hour (later than now, so every exchanger created so far qualifies)',
  });
  return items;
}

const UNHANDLED_FLOW = `((state != 6 AND state IS NOT NULL) OR (login_error IS NOT NULL AND login_error <> '{}' AND login_error <> '') OR (consent_error IS NOT NULL AND consent_error <> '{}' AND consent_error <> ''))`;

function hydraItems(s: CleanupSettings): CleanupItem[] {
  const notAfter = minus(s.now, s.keepLastMs);
  const tokens = (kind: 'access' | 'refresh', lifespan: number): CleanupItem => {
    const table = `hydra_oauth2_${kind}`;
    return {
      service: 'hydra',
      what: `${kind} tokens`,
      table,
      where: 'requested_at < ? AND nid = ?',
      cutoff: earlier(notAfter, minus(s.now, lifespan)),
      perRun: s.limit,
      statements: [
        {
          sql: `DELETE FROM ${table} WHERE signature in (SELECT signature FROM (SELECT signature FROM ${table} hoa WHERE requested_at < ? and nid = ? ORDER BY requested_at LIMIT ${s.batchSize}) as s)`,
          params: ['cutoff', 'nid'],
        },
      ],
      note: `repeated while a batch of ${s.batchSize} is full, up to ${s.limit} rows per run`,
    };
  };
  return [
    tokens('access', s.accessLifespanMs),
    tokens('refresh', s.refreshLifespanMs),
    {
      service: 'hydra',
      what: 'login and consent requests (unhandled, rejected or unused)',
      table: 'hydra_oauth2_flow',
      where: `${UNHANDLED_FLOW} AND requested_at < ? AND nid = ?`,
      cutoff: earlier(notAfter, minus(s.now, s.consentRequestLifespanMs)),
      perRun: s.limit,
      statements: [
        {
          sql: `SELECT login_challenge FROM hydra_oauth2_flow WHERE ${UNHANDLED_FLOW} AND requested_at < ? AND nid = ? ORDER BY login_challenge LIMIT ${s.limit}`,
          params: ['cutoff', 'nid'],
        },
        { sql: `DELETE FROM hydra_oauth2_flow WHERE login_challenge in (…up to ${s.batchSize} of those…) AND nid = ?`, params: ['nid'] },
      ],
      note: `the challenges selected first, then deleted ${s.batchSize} at a time`,
    },
    {
      service: 'hydra',
      what: 'expired trusted JWT grant issuers',
      table: 'hydra_oauth2_trusted_jwt_bearer_issuer',
      where: 'expires_at < ? AND nid = ?',
      cutoff: notAfter,
      perRun: null,
      statements: [
        { sql: 'DELETE FROM hydra_oauth2_trusted_jwt_bearer_issuer WHERE expires_at < ? AND nid = ?', params: ['cutoff', 'nid'] },
      ],
      note: null,
    },
  ];
}

export function cleanupItems(services: readonly OryService[], settings: CleanupSettings): CleanupItem[] {
  return [...(services.includes('kratos') ? kratosItems(settings) : []), ...(services.includes('hydra') ? hydraItems(settings) : [])];
}

/** Kratos and Hydra pick their network as ory/x networkx does: the oldest row of `networks`. */
export const NETWORK_SQL = 'SELECT id FROM networks ORDER BY created_at ASC LIMIT 1';
