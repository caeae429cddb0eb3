// popx's VerifyDialect: CockroachDB speaks PostgreSQL's protocol, so a `postgres://` DSN can point
// at CockroachDB (or `cockroach://` at PostgreSQL) and pick the other dialect's migration files.
// Ory's services refuse that before any migration command; so does dsnsh. MySQL and SQLite are
// not checked (popx does not check them either).
import type { Adapter } from '../adapters/adapter.js';
import { dialectSql } from './dialect-sql.js';
import { migrationDialectOf } from './migration-dialect.js';

function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline === -1 ? text : text.slice(0, newline);
}

/** null when the server matches the DSN's dialect; otherwise what is wrong and what to do. */
export async function verifyDialect(adapter: Adapter): Promise<string | null> {
  const check = dialectSql(migrationDialectOf(adapter.backend)).serverCheck;
  if (check === null) return null;
  const version = String((await adapter.run(check.query)).rows[0]?.[0] ?? '');
  const isCockroach = version.includes('CockroachDB');
  if (check.cockroach && !isCockroach) {
    return `the DSN's cockroach:// scheme selects CockroachDB's migration files, but the server is not CockroachDB (it reports ${JSON.stringify(firstLine(version))}); use a postgres:// DSN (Ory's services refuse this mismatch too)`;
  }
  if (!check.cockroach && isCockroach) {
    return `the DSN's postgres:// scheme selects PostgreSQL's migration files, but the server is CockroachDB (it reports ${JSON.stringify(firstLine(version))}); use a cockroach:// DSN (Ory's services refuse this mismatch too)`;
  }
  return null;
}
