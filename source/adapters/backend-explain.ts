// What a backend module tells `dsn explain` about its DSNs: the target, the connection as the
// service would use it, the statements sent on connect, where values come from and what each
// parameter means. Pure data and functions: the explain commands look them up, never a backend name.
import type { ParamDoc } from '../dsn/param-docs.js';
import type { ParsedDsn, PoolSettings } from '../dsn/types.js';

export type TlsEncrypt = 'always' | 'if-offered' | 'if-required' | 'never';
export type TlsVerify = 'none' | 'chain' | 'chain-and-host-name';

export interface EffectiveHost {
  host: string | null;
  port: number | null;
  /** A Unix socket path (PostgreSQL: DIR/.s.PGSQL.PORT) */
  socket: string | null;
}

export interface ExplainEffective {
  /** Every server, in the order connections try them (one for MySQL; none for SQLite) */
  hosts: EffectiveHost[];
  port: number | null;
  database: string | null;
  user: string | null;
  /** `dsn`, `environment PGPASSWORD`, `passfile /path`, … (never the password); null = none */
  passwordFrom: string | null;
  sslmode: string | null;
  tls: { encrypt: TlsEncrypt; verify: TlsVerify } | null;
  targetSessionAttrs: string | null;
  foreignKeys: boolean | null;
  /** Statements sent on every new connection, in order */
  sessionSql: string[];
  /** PostgreSQL: settings sent in the startup packet */
  startupParameters: Record<string, string>;
  /** maxConns 0 = unlimited; maxIdleConns 0 = none kept; durations 0 = unlimited */
  pool: PoolSettings;
}

/** Where a DSN points, as `dsn explain --json` names it */
export interface ExplainTarget {
  host: string | null;
  port: number | null;
  socket: string | null;
  path: string | null;
  database: string | null;
  user: string | null;
}

/** The part of the effective connection a backend knows (the rest is the same for every backend). */
export type BackendEffective = Partial<Omit<ExplainEffective, 'sessionSql' | 'pool'>>;

export interface ExplainKnowledge<D extends ParsedDsn> {
  /** The `backend` line of `dsn explain`, per backend the module serves */
  readonly titles: Readonly<Record<D['backend'], string>>;
  /** The backend's own documented parameters (the pool keys are everyone's and come after them) */
  paramDocs(backend: D['backend']): readonly ParamDoc[];
  /** What the backend does with a parameter no table lists */
  meaningOfUnlisted(name: string): string;
  /** A given value as the service applies it (Ory forces some MySQL flags to true) */
  valueInEffect(name: string, value: string): string;
  target(dsn: D): ExplainTarget;
  /** The `target` line of `dsn explain` */
  targetText(dsn: D, target: ExplainTarget): string;
  effective(dsn: D): BackendEffective;
  /** Adds the backend's own entries to the sources of the effective values (after the pool keys) */
  addSources(dsn: D, sources: Record<string, string>): void;
  /** The statements sent on every new connection, in order, as the adapter sends them */
  sessionStatements(dsn: D): string[];
  /** Lines after the on-connect statements about what options change (MySQL with --read-only) */
  readonly onConnectNotes: readonly string[];
}
