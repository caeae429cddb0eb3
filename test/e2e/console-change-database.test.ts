// Changing database in place, in a real pty on real servers. PostgreSQL: `\c DBNAME` reconnects to
// the other database with the target's other settings kept (read-only here), the header and
// \conninfo name it, the history stays; with a transaction open it is refused (a transaction never
// moves to a new connection), and a database that cannot be reached leaves the console where it
// was. MariaDB: `USE db` (and `\c db`, which runs USE) shows in the header, \conninfo and column
// completion, which reads the tables of the database in use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { withPostgresDatabase } from '../../source/dsn/with-database.js';
import { privateConsoles } from '../helpers/private-console.js';
import { runStatement } from '../helpers/pty.js';
import { availability, MYSQL_DSN, PG_DSN } from '../helpers/servers.js';

const consoles = privateConsoles('dsnsh-change-db-');
const OTHER = `dsnsh_c_${process.pid}`;

describe.skipIf(!availability().postgres)('\\c DBNAME on PostgreSQL', () => {
  let server: Adapter;
  beforeAll(async () => {
    server = await openAdapter(parseDsn(PG_DSN));
    await server.run(`drop database if exists ${OTHER}`);
    await server.run(`create database ${OTHER}`);
    const inOther = await openAdapter(parseDsn(withPostgresDatabase(PG_DSN, OTHER)));
    await inOther.run('create table only_in_other (id int)');
    await inOther.close();
  });
  afterAll(async () => {
    await server.run(`drop database if exists ${OTHER} with (force)`);
    await server.close();
  });

  it('reconnects with the settings kept, refuses inside a transaction, stays on a failed \\c', async () => {
    const session = consoles.start({ args: [PG_DSN, '--read-only'], columns: 140, rows: 30 });
    await session.waitFor(' · connected');
    await runStatement(session, `\\c ${OTHER}`, `connected to database ${OTHER}`);
    await session.waitFor(`READ-ONLY · postgres://postgres@127.0.0.1:5432/${OTHER}?sslmode=disable`);
    expect(await runStatement(session, 'select current_database() as db;', /db\s*\n/)).toContain(OTHER);
    // the history came along: Up, Up recalls the \c before the select
    session.write('\x1b[A');
    await session.waitFor(/sql> select current_database\(\) as db;/);
    session.write('\x1b[A');
    await session.waitFor(new RegExp(`\\\\c ${OTHER}\\s*$`, 'm'));
    session.write('\x15');
    // read-only is still the server's
    await runStatement(session, 'insert into only_in_other values (1);', /read-only/i);
    const info = await runStatement(session, '\\conninfo', /Connection/);
    expect(info).toMatch(new RegExp(`^database  ${OTHER}$`, 'm'));
    // a transaction never moves: refused, and the session is still in it
    await runStatement(session, 'begin;', 'in transaction');
    await runStatement(session, '\\c test', 'A transaction is open');
    expect(session.screen()).toContain('in transaction');
    await runStatement(session, 'rollback;', /ROLLBACK/);
    // a database that does not exist: said, and the console stays where it was
    await runStatement(session, `\\c no_such_${OTHER}`, /Still connected as before; cannot connect/);
    expect(await runStatement(session, 'select current_database() as here;', /here\s*\n/)).toContain(OTHER);
  });
});

describe.skipIf(!availability().mysql)('USE on MariaDB', () => {
  let server: Adapter;
  const TABLE = `use_only_${process.pid}`;
  const COLUMN = `uniq_column_${process.pid}`;
  beforeAll(async () => {
    server = await openAdapter(parseDsn(MYSQL_DSN));
    await server.run(`drop database if exists ${OTHER}`);
    await server.run(`create database ${OTHER}`);
    await server.run(`create table ${OTHER}.${TABLE} (${COLUMN} int)`);
  });
  afterAll(async () => {
    await server.run(`drop database if exists ${OTHER}`);
    await server.close();
  });

  it('the database in use shows in the header, \\conninfo and column completion; \\c runs USE', async () => {
    const session = consoles.start({ args: [MYSQL_DSN], columns: 140, rows: 30 });
    await session.waitFor(' · connected');
    await runStatement(session, `use ${OTHER};`, `· database ${OTHER} ·`);
    const info = await runStatement(session, '\\conninfo', /Connection/);
    expect(info).toMatch(new RegExp(`^database  ${OTHER} \\(USE; the DSN names test\\)$`, 'm'));
    session.write(`select * from ${TABLE} where uniq_col`);
    session.write('\t');
    await session.waitFor(`where ${COLUMN}`);
    session.write('\x15');
    // \c on MySQL is USE; back in the DSN's database the header no longer names one
    await runStatement(session, '\\c test', /^(?![^]*· database )[^]*sql>/);
    expect(await runStatement(session, 'select database() as db;', /db\s*\n/)).toMatch(/^test\s*$/m);
  });
});
