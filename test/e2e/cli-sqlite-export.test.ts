// A large SQLite CSV/TSV export: SQLite renders the rows as JSON, the first chunk is formatted on
// the main thread and the rest on a worker thread (write-json-chunks.ts). The output must be the
// bytes the plain row path writes, whatever the values: the same query through expressions
// (coalesce(x, NULL) has no table column behind it, so it takes the row path) is the reference.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../noninteractive/run-cli.js';

let dir: string;
let dsn: string;
const ROWS = 5_500;

const SETUP = `
CREATE TABLE export (id INTEGER PRIMARY KEY, i INTEGER, r REAL, t TEXT, b BLOB, n);
WITH RECURSIVE g(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM g WHERE k < ${ROWS})
INSERT INTO export (i, r, t, b, n)
SELECT CASE k % 7 WHEN 0 THEN 9223372036854775807 - k WHEN 1 THEN -k * 1000003 ELSE k END,
       CASE k % 9 WHEN 0 THEN 1.0 / k WHEN 1 THEN k * 1e20 WHEN 2 THEN k * 1e-9 WHEN 3 THEN 9e999 WHEN 4 THEN -9e999 WHEN 5 THEN k + 0.5 ELSE k * 0.01 END,
       CASE k % 11 WHEN 0 THEN '' WHEN 1 THEN 'comma, "quote"' WHEN 2 THEN 'line' || char(10) || 'break' || char(13)
                   WHEN 3 THEN 'NULL' WHEN 4 THEN 'tab' || char(9) || 'back\\slash' WHEN 5 THEN '🙂 ünï ' || k WHEN 6 THEN NULL ELSE 'name-' || k END,
       CASE WHEN k % 13 = 0 THEN randomblob(4) END,
       CASE k % 5 WHEN 0 THEN 'text' WHEN 1 THEN 2.5 WHEN 2 THEN -0.0 WHEN 3 THEN NULL ELSE k END
FROM g;`;

const DIRECT = 'SELECT id, i, r, t, b, n FROM export ORDER BY id';
const THROUGH_EXPRESSIONS =
  'SELECT coalesce(id, NULL) AS id, coalesce(i, NULL) AS i, coalesce(r, NULL) AS r, coalesce(t, NULL) AS t, coalesce(b, NULL) AS b, coalesce(n, NULL) AS n FROM export ORDER BY id';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-sqlite-export-'));
  dsn = `sqlite://${path.join(dir, 'export.sqlite')}?_fk=true`;
  const setup = await runCli([dsn, '-c', SETUP]);
  expect(setup.stderr).toBe('');
  expect(setup.code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('SQLite export of many rows (rows formatted on a worker thread)', () => {
  it.each([
    ['csv', []],
    ['tsv', []],
    ['csv', ['--no-header', '--null', 'NULL']],
    ['tsv', ['--null', '<null>']],
  ])(
    '%s %j: the same bytes as the row path',
    async (format, extra) => {
      const direct = await runCli([dsn, '-c', DIRECT, '--format', format, ...extra]);
      const reference = await runCli([dsn, '-c', THROUGH_EXPRESSIONS, '--format', format, ...extra]);
      expect(direct.stderr).toBe('');
      expect(direct.code).toBe(0);
      expect(reference.code).toBe(0);
      const lines = direct.stdout.split('\n');
      expect(lines.length).toBeGreaterThan(ROWS);
      expect(direct.stdout).toBe(reference.stdout);
    },
    60_000,
  );

  it('writes values exactly (spot checks of the rendered rows)', async () => {
    const result = await runCli([dsn, '-c', `${DIRECT} LIMIT 12`, '--format', 'csv']);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('id,i,r,t,b,n');
    expect(lines[1]).toBe('1,-1000003,100000000000000000000,"comma, ""quote""",,2.5');
    expect(lines).toContain('4,4,-Infinity,tab\tback\\slash,,4');
    expect(lines).toContain('7,9223372036854775800,0.07,name-7,,0');
    expect(lines).toContain('9,9,0.1111111111111111,name-9,,9');
  });

  it('an export cut short by its reader (| head) ends quietly with exit 0', async () => {
    const child = await import('node:child_process');
    const { CLI_PATH } = await import('../helpers/cli-path.js');
    const output = child.execFileSync(
      'bash',
      ['-c', `node "${CLI_PATH}" "${dsn}" -c "${DIRECT}" --format csv | head -c 70000; echo " exit=\${PIPESTATUS[0]}"`],
      { encoding: 'utf8' },
    );
    expect(output.endsWith(' exit=0\n')).toBe(true);
  }, 60_000);
});
