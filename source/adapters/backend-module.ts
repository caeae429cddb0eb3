// What one backend folder exports: everything the rest of dsnsh needs to know about it, as data
// and functions, so callers look a backend up in backend-registry.ts instead of switching on its
// name. A module file imports no driver: open() and probe() load the folder's driver lazily, so
// start-up pays only for the backend in use.
import type { DsnEnvironment } from '../dsn/dsn-environment.js';
import type { SchemeRow } from '../dsn/schemes.js';
import type { ParsedDsn } from '../dsn/types.js';
import type { Adapter, Capabilities, ServerProbe } from './adapter.js';
import type { BackendDescriptor } from './backend-descriptor.js';

export interface OpenAdapterOptions {
  /**
   * SQLite and memory: run the database in this process instead of a worker process. Starts much
   * faster, but a running statement cannot be cancelled (serverSideCancel is false) and Ctrl+C
   * during one ends the process at once. Meant for one-shot commands, not the console.
   * Ignored by the other backends.
   */
  inProcess?: boolean;
  /**
   * The caller will use the database read-only (--read-only, a read-only profile). SQLite then
   * opens the file read-only: it is never created, and DSN pragmas that would write are skipped
   * (each said through `onWarning`). MySQL: every new connection gets SET SESSION TRANSACTION READ
   * ONLY before the DSN's session variables. Callers still make their sessions read-only too.
   */
  readOnly?: boolean;
  /** Told what the open did differently from what the DSN asks (a skipped pragma) */
  onWarning?: (message: string) => void;
  /**
   * Open nothing yet: the driver loads and the first connection opens on first use (see
   * runtime-adapter.ts), where connect/auth errors then surface. Default: opened and checked now.
   */
  lazy?: boolean;
}

/** What parseDsn has learned before a backend's parser reads the rest of the DSN */
export interface DsnParseContext {
  /** Where the text after `scheme://` starts */
  bodyOffset: number;
  /** CPU cores for the pool defaults */
  cpuCount: number;
  /** The whole DSN with its password replaced */
  redacted: string;
  /** Where defaults come from (PostgreSQL: PG* variables, ~/.pgpass, service files); read only when asked */
  environment: () => DsnEnvironment;
}

/** A folder's descriptor (its knowledge, see backend-descriptor.ts) and what opens and probes its servers. */
export interface BackendModule<D extends ParsedDsn = ParsedDsn> extends BackendDescriptor<D> {
  /** Reads a DSN of one of its schemes (throws DsnError); dsn/parse-dsn.ts has checked the scheme */
  parse(text: string, scheme: SchemeRow, context: DsnParseContext): D;
  /** What an adapter opened with these arguments offers (the adapter reports the same) */
  capabilities(dsn: D, options?: OpenAdapterOptions): Capabilities;
  /** Its adapters have `activity` (a server with sessions to list) */
  readonly activity: boolean;
  /** How its introspector compares names (the adapter's `introspect.nameCase`) */
  readonly nameCase: 'folded' | 'caseless';
  /**
   * Opens a pool for the DSN and checks one connection, so connect/auth errors surface here.
   * Called by the runtime wrapper (runtime-adapter.ts) only, at most once per adapter, and closed
   * by it only once: what the wrapper adds (lazy open, idempotent close, use after close, error
   * wrapping, the single-connection lock) the module's adapter does not repeat.
   */
  open(dsn: D, options?: OpenAdapterOptions): Promise<Adapter>;
  /** What the server is and offers, learned without logging in; null where there is no server */
  probe(dsn: D, timeoutMs: number): Promise<ServerProbe | null>;
}

/** A module as the registry holds it: each serves only DSNs of its own backends. */
export type AnyBackendModule = ParsedDsn extends infer D ? (D extends ParsedDsn ? BackendModule<D> : never) : never;
