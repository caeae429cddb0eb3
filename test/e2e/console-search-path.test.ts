// The \d family and completion follow the search_path the user's session set (psql's habit): the
// catalogue is read on another connection, which keeps the DSN's path, so the console asks its
// session for the path after a statement may have changed it. Real pty, real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newestBlock } from '../helpers/newest-block.js';
import { privateConsoles } from '../helpers/private-console.js';
import { runStatement } from '../helpers/pty.js';
import { availability, PG_DSN } from '../helpers/servers.js';
import { runPgSql } from '../helpers/pg-sql.js';

const SCHEMA = `dsnsh_path_${process.pid}`;
const consoles = privateConsoles('dsnsh-search-path-');

const sql = runPgSql;

describe.skipIf(!availability().postgres)('the session search_path in the \\d family and completion', () => {
  beforeAll(() =>
    sql(
      `DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}; CREATE TABLE ${SCHEMA}.only_here (quantity_on_hand int NOT NULL)`,
    ),
  );
  afterAll(() => sql(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`));

  it('SET search_path: \\dt lists the schema, \\d finds the bare name, Tab completes it bare; RESET forgets it', async () => {
    const session = consoles.start({ args: [PG_DSN], columns: 160, rows: 50 });
    await session.waitFor('connected');
    session.write('\\d only_here\r');
    await session.waitFor('Did not find any relation named only_here.');
    await runStatement(session, `set search_path = ${SCHEMA}, public;`, 'SET');
    session.write('\\dt\r');
    await session.waitFor(new RegExp(`${SCHEMA}\\s+│ only_here`));
    session.write('\\d only_here\r');
    await session.waitFor(new RegExp(`Table "${SCHEMA}\\.only_here"`));
    expect(newestBlock(session.screen(), /^› \\d only_here/m)).toMatch(/quantity_on_hand\s+[│|] integer/);
    // The table is on the path now: completed bare, not as schema.only_here.
    session.write('select * from only_h');
    session.write('\t');
    await session.waitFor(/sql> select \* from only_here\s*$/m);
    session.write('\x15');
    await runStatement(session, 'reset search_path;', 'RESET');
    session.write('\\d only_here\r');
    await vi.waitFor(
      () => expect(newestBlock(session.screen(), /^› \\d only_here/m)).toMatch(/Did not find any relation named only_here\./),
      {
        timeout: 10_000,
        interval: 25,
      },
    );
  });

  it('SET LOCAL lasts until the transaction ends', async () => {
    const session = consoles.start({ args: [PG_DSN], columns: 160, rows: 50 });
    await session.waitFor('connected');
    await runStatement(session, 'begin;', 'BEGIN');
    await runStatement(session, `set local search_path = ${SCHEMA};`, 'SET');
    session.write('\\dt only*\r');
    await session.waitFor(new RegExp(`${SCHEMA}\\s+│ only_here`));
    await runStatement(session, 'rollback;', 'ROLLBACK');
    session.write('\\dt only*\r');
    await session.waitFor('No tables match only*.');
  });
});
