// What Ory's services need of a MySQL, MariaDB or CockroachDB server for their migrations to run,
// as data: each requirement names the migration that breaks, how it breaks, and the fix. Facts
// checked on MariaDB 10.11 (strict mode: 1364 at prepare time, even on an empty table; CAST … AS
// JSON: 1064; a column CHECK is named after the column, so MySQL 8's keto_uuid_mappings_chk_1
// does not exist: 1091).

export type OryService = 'kratos' | 'hydra' | 'keto';

export interface ServerFactsForOry {
  product: string;
  version: string;
  /** The session's sql_mode, as the service's own connection gets it (DSN session variables applied) */
  sqlMode: string | null;
}

export interface PreflightCheck {
  service: OryService;
  /** The migration concerned (Ory's file name) */
  migration: string;
  /** The version, to skip checks whose migration is already applied */
  version: string;
  ok: boolean;
  detail: string;
  fix: string | null;
}

interface Requirement {
  service: OryService;
  migration: string;
  /** null when the server meets it; otherwise why the migration fails there */
  failure(facts: ServerFactsForOry): string | null;
  fix: string;
}

/** "8.0.36-0ubuntu…" → [8, 0, 36]; MariaDB's "5.5.5-" prefix removed. */
export function versionNumbers(version: string): number[] {
  const match = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(version.replace(/^5\.5\.5-/, ''));
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : [];
}

function atLeast(version: string, wanted: number[]): boolean {
  const have = versionNumbers(version);
  for (let i = 0; i < wanted.length; i += 1) {
    if ((have[i] ?? 0) !== wanted[i]) return (have[i] ?? 0) > wanted[i]!;
  }
  return true;
}

const isMariaDb = (facts: ServerFactsForOry) => /mariadb/i.test(facts.product) || /mariadb/i.test(facts.version);

const MYSQL_REQUIREMENTS: Requirement[] = [
  {
    service: 'kratos',
    migration: '20200317160354000002_create_profile_request_forms.mysql.up.sql',
    failure(facts) {
      const strict = (facts.sqlMode ?? '').split(',').filter((mode) => /^STRICT_(TRANS|ALL)_TABLES$/.test(mode));
      if (!isMariaDb(facts) || strict.length === 0) return null;
      return `it inserts rows without created_at and updated_at (NOT NULL, no default); MariaDB with sql_mode ${strict.join(',')} refuses that with error 1364 ("Field 'created_at' doesn't have a default value"), even when there is nothing to copy`;
    },
    fix: 'run `kratos migrate sql` with a DSN whose sql_mode has no STRICT_* mode, e.g. …?sql_mode=NO_ENGINE_SUBSTITUTION (Ory sets DSN parameters it does not know as session variables)',
  },
  {
    service: 'hydra',
    migration: '20220513000001000001_string_slice_json.mysql.up.sql',
    failure(facts) {
      if (isMariaDb(facts)) return 'it uses CAST(… AS JSON), which MariaDB does not have (syntax error 1064)';
      if (!atLeast(facts.version, [5, 7, 8]))
        return `it uses CAST(… AS JSON), which needs MySQL 5.7.8 or later (the server is ${facts.version})`;
      return null;
    },
    fix: 'run Hydra on MySQL 8 (or PostgreSQL / CockroachDB)',
  },
  {
    service: 'keto',
    migration: '20220513200400000001_uuid-mapping-remove-check.mysql.up.sql',
    failure(facts) {
      if (isMariaDb(facts))
        return 'it drops the check constraint by the name MySQL 8 generates (keto_uuid_mappings_chk_1); MariaDB names a column CHECK after its column, so the statement fails with error 1091';
      if (!atLeast(facts.version, [8, 0, 19]))
        return `it uses ALTER TABLE … DROP CONSTRAINT, which needs MySQL 8.0.19 or later (the server is ${facts.version})`;
      return null;
    },
    fix: 'run Keto on MySQL 8.0.19 or later (or PostgreSQL / CockroachDB)',
  },
];

function versionOf(migration: string): string {
  return migration.slice(0, migration.indexOf('_'));
}

/** Each MySQL/MariaDB requirement of Ory's migrations against this server. */
export function mysqlPreflight(facts: ServerFactsForOry, applied: ReadonlySet<string>): PreflightCheck[] {
  return MYSQL_REQUIREMENTS.map((requirement) => {
    const version = versionOf(requirement.migration);
    if (applied.has(version) || applied.has(version.slice(0, 14))) {
      return {
        service: requirement.service,
        migration: requirement.migration,
        version,
        ok: true,
        detail: 'already applied here',
        fix: null,
      };
    }
    const failure = requirement.failure(facts);
    return {
      service: requirement.service,
      migration: requirement.migration,
      version,
      ok: failure === null,
      detail: failure ?? 'this server runs it',
      fix: failure === null ? null : requirement.fix,
    };
  });
}

/** MySQL 5.7+ and MariaDB 10.5+: the server refuses plaintext connections when ON. */
export const MYSQL_REQUIRE_SECURE_TRANSPORT_SQL = 'SELECT @@GLOBAL.require_secure_transport';
