// A MySQL statement the server answers with warnings (a value truncated to NULL by
// max_allowed_packet in a non-strict sql_mode) shows the server's warning: on stderr in a -c run,
// in the result in the console. A statement without warnings costs no extra round trip.
import { afterEach, describe, expect, it } from 'vitest';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { runStatement, startCli, type PtySession } from '../helpers/pty.js';
import { availability, MYSQL_DSN } from '../helpers/servers.js';
import { runCli } from './run-cli.js';

const TABLE = `dsnsh_out_warn_${process.pid}`;
const TRUNCATED = 'Warning 1301: Result of repeat() was larger than max_allowed_packet';
const STATEMENTS = [
  "set session sql_mode = ''",
  `create temporary table ${TABLE} (v longtext)`,
  `insert into ${TABLE} values (repeat('x', 70000000))`,
];

describe.skipIf(!availability().mysql)('MySQL warnings', () => {
  let session: PtySession | null = null;
  afterEach(() => {
    session?.kill();
    session = null;
  });

  it("-c: the server's warning on stderr, with the statement's place", async () => {
    const result = await runCli([MYSQL_DSN, ...STATEMENTS.flatMap((sql) => ['-c', sql]), '-c', `select v is null as lost from ${TABLE}`]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`dsnsh: warning: <-c 3>:1: ${TRUNCATED}`);
    expect(result.stdout).toBe('lost\n1\n');
  });

  it('the session result carries the warnings; none and no key when there are none', async () => {
    const adapter = await openAdapter(parseDsn(MYSQL_DSN));
    const db = await adapter.session();
    try {
      const plain = await db.run('set @dsnsh_out_plain = 1');
      expect(plain.warnings).toBeUndefined();
      for (const sql of STATEMENTS.slice(0, 2)) await db.run(sql);
      const insert = await db.run(STATEMENTS[2]!);
      expect(insert.warnings).toHaveLength(1);
      expect(insert.warnings![0]).toContain(TRUNCATED);
    } finally {
      await db.release();
      await adapter.close();
    }
  });

  it("the console shows the warning with the statement's outcome (pty)", async () => {
    session = startCli({ args: [MYSQL_DSN], columns: 160, rows: 30, env: { DSNSH_STATE_DIR: '/tmp/dsnsh-out-warn-state' } });
    await session.waitFor('connected', 20_000);
    await runStatement(session, `${STATEMENTS[0]};`, 'SET');
    await runStatement(session, `${STATEMENTS[1]};`, 'CREATE');
    const screen = await runStatement(session, `${STATEMENTS[2]};`, /WARNING: Warning 1301/);
    expect(screen).toContain(`WARNING: ${TRUNCATED}`);
    session.write('\x04');
    expect(await session.exited).toBe(0);
  }, 60_000);
});
