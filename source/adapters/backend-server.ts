// What a backend module tells doctor, the activity commands and the connection diagnosis about
// its servers: the wire protocol, where a DSN points, its TLS settings in the DSN's own words,
// the connect timeout, who the service is on the server, and checks only this backend has.
// A backend without a server (SQLite) says so with nulls, never by getting another's answers.
import type { ParsedDsn } from '../dsn/types.js';
import type { PreflightCheck, ServerFactsForOry } from '../ory/server-requirements.js';
import type { ServerProbe } from './adapter.js';

export type WireProtocol = Exclude<ServerProbe['protocol'], 'unknown' | null>;

/** The TLS settings of a DSN, in the words the user writes them */
export interface TlsKnowledge<D extends ParsedDsn> {
  /** The DSN's setting as written: `tls=preferred`, `sslmode=prefer` */
  setting(dsn: D): string;
  /** No TLS setting was given and the driver's default applies */
  defaulted(dsn: D): boolean;
  /** The setting falls back to plaintext when TLS fails */
  allowsPlaintext(dsn: D): boolean;
  /** The setting that cannot be downgraded to plaintext */
  readonly strictSetting: string;
  /** The setting that also verifies who answers */
  readonly verifyingSetting: string;
  /** Against what a certificate verifies, as a phrase after "verifies" ('' when only the system store) */
  readonly verifiesAgainst: string;
  /** How to give the CA of a certificate that does not verify, as a phrase after it ('' when none) */
  readonly caHint: string;
  /** What on the server makes TLS required */
  readonly requiredByRule: string;
  /** What to write in the DSN when the server requires TLS */
  readonly requiredFix: string;
  /** What to do when the server's certificate does not verify */
  readonly unverifiableFix: string;
}

/** Ory's requirements that only this backend's servers are checked for after connecting */
export interface ServerRequirements {
  /** A query answering whether the server refuses plaintext (1/ON) */
  readonly requireSecureTransportSql: string;
  preflight(facts: ServerFactsForOry, applied: ReadonlySet<string>): PreflightCheck[];
}

/** The wire protocol a backend's servers speak */
export interface WireKnowledge {
  /** As the probe names it */
  readonly protocol: WireProtocol;
  /** Whose protocol, as a possessive: "PostgreSQL's" */
  readonly owner: string;
  /** The protocol in a sentence: "PostgreSQL's protocol (PostgreSQL or CockroachDB)" */
  readonly name: string;
  /** The fix when a server speaks this protocol but the DSN names another backend */
  readonly wrongProtocolFix: string;
}

export interface ServerKnowledge<D extends ParsedDsn> {
  /** null: the backend has no server */
  readonly wire: WireKnowledge | null;
  /** How each of its backends' DSNs start: `postgres://`, `memory` */
  readonly schemes: Readonly<Record<D['backend'], string>>;
  /** Where the DSN points: host:port, a socket, or the redacted DSN of a file database */
  address(dsn: D): string;
  /** The DSN's own connect timeout in ms (0: none given, or wait forever) */
  connectTimeoutMs(dsn: D): number;
  /** The DSN with its connect timeout set (unchanged where the backend has none) */
  withConnectTimeout(dsn: D, ms: number): D;
  /** A hint when nothing accepts connections at the address ('' when none) */
  refusedHint(dsn: D, address: string): string;
  /** Who the service is on the server: its user and application name (null where not known) */
  serviceIdentity(dsn: D): { serviceUser: string | null; serviceApplication: string | null };
  /** null: the backend has no TLS */
  readonly tls: TlsKnowledge<D> | null;
  /** null: nothing beyond the common checks */
  readonly requirements: ServerRequirements | null;
}
