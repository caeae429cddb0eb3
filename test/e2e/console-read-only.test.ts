// Read-only in the console is the same guard as in the CLI: a statement that would turn
// read-only off is not sent (an error block says why), writes stay refused by the server, and
// the rows are unchanged on a second connection afterwards.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli-path.js';
import { childEnv, runStatement, startCli, type PtySession } from '../helpers/pty.js';
import { availability, MYSQL_DSN, PG_DSN } from '../helpers/servers.js';

let session: PtySession | null = null;
let home: string;
beforeAll(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-ui-ro-'));
});
afterEach(() => {
  session?.kill();
  session = null;
});
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

const env = () => ({ HOME: home, DSNSH_CONFIG_DIR: path.join(home, 'config'), XDG_STATE_HOME: path.join(home, 'state'), DSN: undefined });
const sql = (target: string, text: string) =>
  execFileSync(process.execPath, [CLI_PATH, target, '-c', text, '--no-header'], { env: childEnv(), encoding: 'utf8' }).trim();

const TABLE = 'dsnsh_ui_ro_t';

describe.skipIf(!availability().postgres)('console --read-only on PostgreSQL', () => {
  beforeAll(() => {
    sql(PG_DSN, `drop table if exists ${TABLE}; create table ${TABLE} (id int); insert into ${TABLE} values (1), (2), (3)`);
  });
  afterAll(() => {
    sql(PG_DSN, `drop table if exists ${TABLE}`);
  });

  it('refuses turning read-only off, in any spelling; the server still refuses the write', async () => {
    session = startCli({ args: [PG_DSN, '--read-only'], env: env(), columns: 200 });
    await session.waitFor(/READ-ONLY[^]*connected/);
    for (const bypass of [
      '/* x */ set session characteristics as transaction read write;',
      "select pg_catalog.set_config('default_transaction_read_only', 'off', false);",
      'RESET ALL;',
    ]) {
      const screen = await runStatement(session, bypass, 'Not run under read-only');
      expect(screen).toMatch(/would (turn read-only off|make transactions writable)/);
    }
    await runStatement(session, `delete from ${TABLE};`, /cannot execute DELETE in a read-only transaction/);
    session.write('\x04');
    expect(await session.exited).toBe(0);
    expect(sql(PG_DSN, `select count(*) from ${TABLE}`)).toBe('3');
  });
});

describe.skipIf(!availability().mysql)('console --read-only on MariaDB', () => {
  beforeAll(() => {
    sql(MYSQL_DSN, `drop table if exists ${TABLE}; create table ${TABLE} (id int); insert into ${TABLE} values (1), (2), (3)`);
  });
  afterAll(() => {
    sql(MYSQL_DSN, `drop table if exists ${TABLE}`);
  });

  it('refuses SET @@session.tx_read_only and /*! … */ READ WRITE; the rows stay', async () => {
    session = startCli({ args: [MYSQL_DSN, '--read-only'], env: env(), columns: 200 });
    await session.waitFor(/READ-ONLY[^]*connected/);
    await runStatement(session, 'SET @@session.tx_read_only = 0;', 'Not run under read-only');
    await runStatement(session, '/*!40000 SET SESSION TRANSACTION READ WRITE */;', /Not run under read-only[^]*READ WRITE/);
    await runStatement(session, `delete from ${TABLE};`, /ERROR: .*READ ONLY/i);
    session.write('\x04');
    expect(await session.exited).toBe(0);
    expect(sql(MYSQL_DSN, `select count(*) from ${TABLE}`)).toBe('3');
  });
});

describe('console --read-only on SQLite', () => {
  it('PRAGMA query_only = 0 is refused, and a file that does not exist is not created', async () => {
    const db = path.join(home, 'ro.sqlite');
    sql(`sqlite://${db}`, 'create table t (id int); insert into t values (1), (2), (3)');
    session = startCli({ args: [`sqlite://${db}`, '--read-only'], env: env(), columns: 200 });
    await session.waitFor(/READ-ONLY[^]*connected/);
    await runStatement(session, 'pragma query_only = 0;', /Not run under read-only[^]*query_only/);
    await runStatement(session, 'delete from t;', /ERROR: .*readonly/i);
    session.write('\x04');
    expect(await session.exited).toBe(0);
    expect(sql(`sqlite://${db}`, 'select count(*) from t')).toBe('3');

    const missing = path.join(home, 'missing.sqlite');
    session = startCli({ args: [`sqlite://${missing}`, '--read-only'], env: env(), columns: 200 });
    await session.waitFor('does not exist');
    expect(fs.existsSync(missing)).toBe(false);
  });
});
