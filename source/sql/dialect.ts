// Lexical rules that differ between SQL dialects, as data. The splitter branches on these,
// never on backend names; which dialect a backend speaks is its descriptor's `sqlDialect`
// (adapters/backend-descriptors.ts).
import { descriptorOfBackend } from '../adapters/backend-descriptors.js';
import type { Backend } from '../dsn/types.js';

export type SqlDialect = 'postgres' | 'mysql' | 'sqlite';

export interface LexicalRules {
  /** `--` starts a comment only when followed by whitespace/control/end (MySQL) */
  dashCommentNeedsSpace: boolean;
  /** `#` starts a line comment (MySQL) */
  hashComments: boolean;
  /** block comments nest (PostgreSQL) */
  nestedBlockComments: boolean;
  /** `$tag$ ... $tag$` strings (PostgreSQL) */
  dollarQuotes: boolean;
  /** backslash escapes inside '...' and "..." (MySQL); PostgreSQL only in E'...' */
  backslashInStrings: boolean;
  /** E'...' strings take backslash escapes (PostgreSQL) */
  escapeStringPrefix: boolean;
  /** "..." is a string with the same escapes as '...' (MySQL without ANSI_QUOTES) */
  doubleQuoteIsString: boolean;
  /** `identifier` quoting (MySQL, SQLite) */
  backtickIdentifiers: boolean;
  /** [identifier] quoting (SQLite) */
  bracketIdentifiers: boolean;
  /** comments that the server executes: MySQL's `/*! ... *\/` and optimizer hints `/*+ ... *\/` */
  executableComments: boolean;
}

const rules: Record<SqlDialect, LexicalRules> = {
  postgres: {
    dashCommentNeedsSpace: false,
    hashComments: false,
    nestedBlockComments: true,
    dollarQuotes: true,
    backslashInStrings: false,
    escapeStringPrefix: true,
    doubleQuoteIsString: false,
    backtickIdentifiers: false,
    bracketIdentifiers: false,
    executableComments: false,
  },
  mysql: {
    dashCommentNeedsSpace: true,
    hashComments: true,
    nestedBlockComments: false,
    dollarQuotes: false,
    backslashInStrings: true,
    escapeStringPrefix: false,
    doubleQuoteIsString: true,
    backtickIdentifiers: true,
    bracketIdentifiers: false,
    executableComments: true,
  },
  sqlite: {
    dashCommentNeedsSpace: false,
    hashComments: false,
    nestedBlockComments: false,
    dollarQuotes: false,
    backslashInStrings: false,
    escapeStringPrefix: false,
    doubleQuoteIsString: false,
    backtickIdentifiers: true,
    bracketIdentifiers: true,
    executableComments: false,
  },
};

/** The SQL dialect of a backend, as its descriptor says (CockroachDB speaks PostgreSQL's, memory is SQLite). */
export function dialectOf(backend: Backend | SqlDialect): SqlDialect {
  return Object.hasOwn(rules, backend) ? (backend as SqlDialect) : descriptorOfBackend(backend as Backend).sqlDialect;
}

export function lexicalRules(dialect: Backend | SqlDialect): LexicalRules {
  return rules[dialectOf(dialect)];
}
