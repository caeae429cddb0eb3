// Where things are: the CLI under test, the servers, the generated data. One place, so every case
// talks about the same targets.
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';

export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
export const PROJECT_ROOT = resolve(BENCH_DIR, '..');
export const DATA_DIR = join(BENCH_DIR, 'data');
export const RESULTS_DIR = join(BENCH_DIR, 'results');
export const SCRATCH_DIR = join(DATA_DIR, 'scratch');

export const CLI_PATH = resolve(PROJECT_ROOT, process.env.DSNSH_CLI ?? 'dist/cli.js');
/**
 * Other builds measured beside CLI_PATH in case 3, interleaved round by round (A/B of a build
 * option): BENCH_COMPARE_CLIS="no-patches=.ab/no-patches/cli.js;no-script=.ab/no-script/cli.js".
 */
export const COMPARE_CLIS = (process.env.BENCH_COMPARE_CLIS ?? '')
  .split(';')
  .filter(Boolean)
  .map((pair) => {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`BENCH_COMPARE_CLIS: expected label=path, got '${pair}'`);
    return { label: pair.slice(0, at), path: resolve(PROJECT_ROOT, pair.slice(at + 1)) };
  });
export const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
export const TABLE = 'dsnsh_bench';
export const SELECT_ALL = `select * from ${TABLE}`;

export const PG = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' };
export const MYSQL = { host: '127.0.0.1', port: 3306, user: 'root', database: 'test' };
export const SQLITE_FILE = join(DATA_DIR, `${TABLE}.sqlite`);

export const PG_DSN = process.env.BENCH_PG_DSN ?? `postgres://${PG.user}@${PG.host}:${PG.port}/${PG.database}?sslmode=disable`;
export const MYSQL_DSN = process.env.BENCH_MYSQL_DSN ?? `mysql://${MYSQL.user}@tcp(${MYSQL.host}:${MYSQL.port})/${MYSQL.database}`;
export const SQLITE_DSN = `sqlite://${SQLITE_FILE}`;

/** The dsnsh targets every case uses, by backend. */
export const DSNSH_TARGETS = {
  memory: 'memory',
  sqlite: SQLITE_DSN,
  postgres: PG_DSN,
  mysql: MYSQL_DSN,
};

/** Child environment: no CI flags (Ink prints only its last frame under CI), a plain locale. */
export function childEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  delete env.DSN;
  env.LANG = env.LANG ?? 'C.UTF-8';
  return env;
}

export function ensureDirs() {
  for (const dir of [DATA_DIR, RESULTS_DIR, SCRATCH_DIR]) mkdirSync(dir, { recursive: true });
}
