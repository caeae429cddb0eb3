// What a backend knows of the databases on its servers: which one a DSN names, and how the
// console's `\c DBNAME` reaches another one (a new connection, USE on the same one, or not at all).
import type { ParsedDsn } from '../dsn/types.js';

export type DatabaseChangeKnowledge =
  /** The connection is bound to one database: a new one is opened on this DSN text */
  | { kind: 'reconnect'; dsnNaming(dsn: string, database: string): string }
  /** The same connection switches with this statement */
  | { kind: 'statement'; statement(database: string): string }
  /** There is nothing to change to */
  | { kind: 'none'; message: string; hint: string };

export interface DatabaseKnowledge<D extends ParsedDsn = ParsedDsn> {
  /** The database a DSN names; null when it names none (the driver's default) or has none */
  named(dsn: D): string | null;
  readonly change: DatabaseChangeKnowledge;
}
