// MariaDB/MySQL DATETIME and TIMESTAMP in the console, in a real pty: a DATETIME has no zone, so it
// is shown as the server writes it (`2020-01-01 10:00:00`, fractional seconds only when the column
// has them), never with the `Z` (or `loc` offset) the adapter adds for Go parity; a TIMESTAMP is
// shown in the session's time zone. Grid, record view and value viewer alike; -c output keeps the ISO form.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { CLI_PATH } from '../helpers/cli-path.js';
import { privateConsoles } from '../helpers/private-console.js';
import { childEnv, runStatement } from '../helpers/pty.js';
import { availability, MYSQL_DSN } from '../helpers/servers.js';

const consoles = privateConsoles('dsnsh-datetime-');
const TABLE = `console_datetime_${process.pid}`;
/** The session's time zone two hours east of UTC, set by the DSN as a session variable */
const EAST_DSN = `${MYSQL_DSN}?time_zone=%27%2B02%3A00%27`;

describe.skipIf(!availability().mysql)('DATETIME and TIMESTAMP in the console (MariaDB)', () => {
  let other: Adapter;
  beforeAll(async () => {
    other = await openAdapter(parseDsn(`${MYSQL_DSN}?time_zone=%27%2B00%3A00%27`));
    await other.run(`drop table if exists ${TABLE}`);
    await other.run(`create table ${TABLE} (id int, plain datetime, exact datetime(3), stamped timestamp null)`);
    await other.run(`insert into ${TABLE} values (1, '2020-01-01 10:00:00', '2020-01-01 10:00:00.250', '2020-01-01 10:00:00')`);
  });
  afterAll(async () => {
    await other.run(`drop table if exists ${TABLE}`);
    await other.close();
  });

  it('grid and record view: wall-clock text, no Z; TIMESTAMP in the session time zone', async () => {
    const session = consoles.start({ args: [EAST_DSN], columns: 140, rows: 30 });
    await session.waitFor(' · connected');
    const grid = await runStatement(session, `select plain, exact, stamped from ${TABLE};`, /plain\s+│/);
    expect(grid).toMatch(/2020-01-01 10:00:00 +│ 2020-01-01 10:00:00\.250 │ 2020-01-01 12:00:00/);
    expect(grid).not.toMatch(/2020-01-01T10/);
    expect(grid).not.toMatch(/:00Z|:00\.250Z/);
    const record = await runStatement(session, `\\x`, /RECORD 1/);
    expect(record).toMatch(/plain +│ 2020-01-01 10:00:00$/m);
    expect(record).toMatch(/exact +│ 2020-01-01 10:00:00\.250$/m);
    expect(record).toMatch(/stamped +│ 2020-01-01 12:00:00$/m);
    // the value viewer (v on the focused row) shows the same text
    await runStatement(session, `\\x`, /record view off/);
    session.write('\x1b[17~');
    session.write('v');
    await session.waitFor(/^ +2020-01-01 10:00:00\.250$/m);
    expect(session.screen()).not.toMatch(/:00Z$|\.250Z$/m);
  });

  it('-c output keeps the normalised ISO form (README: output formats)', () => {
    const out = execFileSync(process.execPath, [CLI_PATH, EAST_DSN, '-c', `select plain, stamped from ${TABLE}`, '--format', 'json'], {
      env: childEnv(consoles.env()),
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual([{ plain: '2020-01-01T10:00:00Z', stamped: '2020-01-01T12:00:00Z' }]);
  });
});
