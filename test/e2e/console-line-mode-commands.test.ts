// Backslash commands in the line-mode console (TERM=dumb, --plain), in a real pty: the catalogue
// and connection commands answer as in the full-screen console, named queries run as if typed,
// commands that need the full screen say so, and on SQLite's one connection a transaction is
// never given away for a catalogue read.
import { execFileSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { CLI_PATH } from '../helpers/cli-path.js';
import { privateConsoles } from '../helpers/private-console.js';
import { childEnv } from '../helpers/pty.js';
import { availability, MYSQL_DSN, PG_DSN } from '../helpers/servers.js';

const consoles = privateConsoles('dsnsh-line-commands-');
const TABLE = `line_commands_${process.pid}`;
const SCHEMA = `line_commands_schema_${process.pid}`;
const mariadb = (sql: string) => execFileSync(process.execPath, [CLI_PATH, MYSQL_DSN, '-c', sql], { env: childEnv(), stdio: 'pipe' });
const pg = (sql: string) => execFileSync(process.execPath, [CLI_PATH, PG_DSN, '-c', sql], { env: childEnv(), stdio: 'pipe' });

describe('backslash commands in line mode', () => {
  it('on memory: \\d, \\dt, \\?, \\x refused, named queries; a transaction keeps the one connection', async () => {
    const session = consoles.start({ args: ['memory'], columns: 160, rows: 60, env: { TERM: 'dumb' } });
    await session.waitFor('line mode (\\? commands, \\q quits)');
    session.write('create table items (id int primary key, name varchar(20) not null);\r');
    await session.waitFor('CREATE');
    session.write('\\d items\r');
    await session.waitFor(/Table "main\.items"[^]*name\s+\| varchar\(20\)\s+\|\s+\| not null/);
    session.write('\\dt\r');
    await session.waitFor(/main\s+\| items \| table/);
    session.write('\\x\r');
    await session.waitFor('\\x needs the full-screen console');
    session.write('\\?\r');
    await session.waitFor('Commands in line mode');
    session.write("\\ns add insert into items values ($1, 'n')\r");
    await session.waitFor('Saved the named query add');
    session.write('\\n add 7\r');
    await session.waitFor(/INSERT[^\n]*1/);
    // Inside a transaction the one connection stays with it: the read is refused, not run elsewhere.
    session.write('begin;\r');
    session.write("insert into items values (8, 'uncommitted');\r");
    session.write('\\dt\r');
    await session.waitFor('A transaction holds the only connection: \\dt reads on it only between transactions.');
    session.write('select count(*) as n from items;\r');
    await session.waitFor(/n\s*\n-+\s*\n\s*2\s*\n/);
    session.write('commit;\r');
    await session.waitFor('COMMIT');
    session.write('\\d items\r');
    // The read after COMMIT runs: the table's description follows the COMMIT.
    await vi.waitFor(
      () => {
        const screen = session.screen();
        expect(screen.slice(screen.lastIndexOf('COMMIT'))).toMatch(/Table "main\.items"/);
      },
      { timeout: 10_000, interval: 25 },
    );
    session.write('select count(*) as total from items;\r');
    await session.waitFor(/total\s*\n-+\s*\n\s*2\s*\n/);
    session.write('\\q\r');
    expect(await session.exited).toBe(0);
  });

  it.skipIf(!availability().postgres)(
    '--plain on PostgreSQL: \\d with its constraints, \\conninfo, \\l, the session search_path',
    async () => {
      pg(
        `drop table if exists ${TABLE}; create table ${TABLE} (id int primary key, price numeric(10,2) check (price > 0)); ` +
          `drop schema if exists ${SCHEMA} cascade; create schema ${SCHEMA}; create table ${SCHEMA}.elsewhere (n int)`,
      );
      try {
        const session = consoles.start({ args: [PG_DSN, '--plain'], columns: 160, rows: 60 });
        await session.waitFor('line mode');
        session.write(`\\d ${TABLE}\r`);
        await session.waitFor(/price\s+\| numeric\(10,2\)[^]*Check constraints:[^]*price > /);
        session.write('\\conninfo\r');
        await session.waitFor(/backend\s+postgres[^]*server\s+PostgreSQL/);
        session.write('\\l\r');
        await session.waitFor(/database\s*\|\s*owner[^]*\btest\b/);
        // After SET search_path a bare name is found where the session's statements find it.
        session.write(`set search_path = ${SCHEMA}, public;\r`);
        await session.waitFor('SET');
        session.write('\\d elsewhere\r');
        await session.waitFor(new RegExp(`Table "${SCHEMA}\\.elsewhere"`));
        session.write('\\q\r');
        expect(await session.exited).toBe(0);
      } finally {
        pg(`drop table if exists ${TABLE}; drop schema if exists ${SCHEMA} cascade`);
      }
    },
  );

  it.skipIf(!availability().mysql)('--plain on MariaDB: after USE, \\dt lists that database', async () => {
    const database = `line_commands_db_${process.pid}`;
    mariadb(`drop database if exists ${database}; create database ${database}; create table ${database}.used_here (n int)`);
    try {
      const session = consoles.start({ args: [MYSQL_DSN, '--plain'], columns: 160, rows: 60 });
      await session.waitFor('line mode');
      session.write(`use ${database};\r`);
      session.write('\\dt\r');
      await session.waitFor(new RegExp(`${database}\\s*\\|\\s*used_here`));
      session.write('\\q\r');
      expect(await session.exited).toBe(0);
    } finally {
      mariadb(`drop database if exists ${database}`);
    }
  });
});
