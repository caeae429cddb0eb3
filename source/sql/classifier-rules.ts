// What the statement classifier must know about each SQL dialect, as data: which statements run
// what they contain, which functions have side effects, which settings hold read-only mode.
import type { Backend } from '../dsn/types.js';
import { dialectOf, lexicalRules, type LexicalRules, type SqlDialect } from './dialect.js';

export interface ClassifierRules {
  dialect: SqlDialect;
  lexical: LexicalRules;
  /** `EXPLAIN ANALYZE <statement>` runs the statement (PostgreSQL, MySQL); SQLite's EXPLAIN never does */
  explainAnalyzeRuns: boolean;
  /** `ANALYZE <statement>` runs it and returns its plan (MariaDB); elsewhere ANALYZE only gathers statistics */
  analyzeStatementRuns: boolean;
  /** `DO`: PostgreSQL's anonymous code block ('code'), MySQL's expression evaluation ('expressions') */
  doStatement: 'code' | 'expressions' | null;
  /** `||` and `&&` are OR and AND (MySQL without PIPES_AS_CONCAT) */
  logicalPunctuation: boolean;
  /** `SELECT … INTO x` creates a table (PostgreSQL) rather than assigning variables or writing a file (MySQL) */
  selectIntoCreatesTable: boolean;
  /** `:=` assigns a user variable inside any statement (MySQL) */
  variableAssignment: boolean;
  /** PRAGMA statements (SQLite) */
  pragmas: boolean;
  /** Functions that change something when called (so a statement calling them is not read-only) */
  sideEffectFunctions: ReadonlySet<string>;
  /** Functions that write outside the database or on another connection: refused under read-only */
  outsideWriteFunctions: ReadonlyMap<string, string>;
  /** Settings that hold the session's read-only mode */
  readOnlySettings: ReadonlySet<string>;
}

const LARGE_OBJECT_WRITES = ['lo_create', 'lo_creat', 'lo_from_bytea', 'lo_unlink', 'lo_put', 'lowrite', 'lo_truncate', 'lo_truncate64'];

const postgres: ClassifierRules = {
  dialect: 'postgres',
  lexical: lexicalRules('postgres'),
  explainAnalyzeRuns: true,
  analyzeStatementRuns: false,
  doStatement: 'code',
  logicalPunctuation: false,
  selectIntoCreatesTable: true,
  variableAssignment: false,
  pragmas: false,
  sideEffectFunctions: new Set([
    'nextval',
    'setval',
    'set_config',
    'pg_advisory_lock',
    'pg_advisory_xact_lock',
    'pg_advisory_lock_shared',
    'pg_advisory_unlock',
    'pg_advisory_unlock_all',
    'pg_try_advisory_lock',
    'pg_notify',
    'pg_terminate_backend',
    'pg_cancel_backend',
    'pg_reload_conf',
    'pg_rotate_logfile',
    'pg_switch_wal',
    'pg_create_restore_point',
    'pg_stat_reset',
    'pg_stat_reset_shared',
    'pg_stat_reset_single_table_counters',
    'pg_create_logical_replication_slot',
    'pg_create_physical_replication_slot',
    'pg_drop_replication_slot',
    'pg_logical_slot_get_changes',
    'lo_import',
    'lo_export',
    'pg_file_write',
    'pg_file_rename',
    'pg_file_unlink',
    'dblink',
    'dblink_exec',
    'dblink_send_query',
    'dblink_connect',
    ...LARGE_OBJECT_WRITES,
  ]),
  outsideWriteFunctions: new Map([
    ['lo_export', 'lo_export writes a file on the database server'],
    ['lo_import', 'lo_import reads a server file into a new large object (large objects ignore read-only mode)'],
    ...LARGE_OBJECT_WRITES.map((name): [string, string] => [
      name,
      `${name} changes large objects, which the server's read-only mode does not protect`,
    ]),
    ['pg_file_write', 'pg_file_write writes a file on the database server'],
    ['pg_file_rename', 'pg_file_rename renames a file on the database server'],
    ['pg_file_unlink', 'pg_file_unlink deletes a file on the database server'],
    ['dblink', 'dblink runs a statement on another connection, which is not read-only'],
    ['dblink_exec', 'dblink_exec runs a statement on another connection, which is not read-only'],
    ['dblink_send_query', 'dblink_send_query runs a statement on another connection, which is not read-only'],
  ]),
  readOnlySettings: new Set(['default_transaction_read_only', 'transaction_read_only']),
};

const mysql: ClassifierRules = {
  dialect: 'mysql',
  lexical: lexicalRules('mysql'),
  explainAnalyzeRuns: true,
  analyzeStatementRuns: true,
  doStatement: 'expressions',
  logicalPunctuation: true,
  selectIntoCreatesTable: false,
  variableAssignment: true,
  pragmas: false,
  sideEffectFunctions: new Set([
    'get_lock',
    'release_lock',
    'release_all_locks',
    'nextval',
    'setval',
    'lastval',
    'last_insert_id',
    'sleep',
    'benchmark',
  ]),
  outsideWriteFunctions: new Map(),
  readOnlySettings: new Set(['tx_read_only', 'transaction_read_only']),
};

const sqlite: ClassifierRules = {
  dialect: 'sqlite',
  lexical: lexicalRules('sqlite'),
  explainAnalyzeRuns: false,
  analyzeStatementRuns: false,
  doStatement: null,
  logicalPunctuation: false,
  selectIntoCreatesTable: true,
  variableAssignment: false,
  pragmas: true,
  sideEffectFunctions: new Set(['load_extension']),
  outsideWriteFunctions: new Map([['load_extension', 'load_extension loads code into the database process']]),
  readOnlySettings: new Set(['query_only']),
};

const RULES: Record<SqlDialect, ClassifierRules> = { postgres, mysql, sqlite };

export function classifierRules(dialect: Backend | SqlDialect): ClassifierRules {
  return RULES[dialectOf(dialect)];
}
