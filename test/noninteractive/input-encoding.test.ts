// SQL input that is not UTF-8 is an error naming the file (or <stdin>) and the line, never
// replaced by U+FFFD and stored. A -f file is checked before anything runs; stdin, run statement
// by statement, runs what came before the bad statement and nothing from it on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedStatements } from '../../source/session/statement-feed.js';
import { checkUtf8 } from '../../source/text/utf8.js';
import { runCli } from './run-cli.js';

let dir: string;
let dsn: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-out-encoding-'));
  dsn = `sqlite://${path.join(dir, 'db.sqlite')}`;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Line 3 holds `café` in Latin-1: the byte 0xe9 alone. */
const SCRIPT = Buffer.concat([
  Buffer.from("create table t (x text);\ninsert into t values ('ok');\ninsert into t values ('caf"),
  Buffer.from([0xe9]),
  Buffer.from("');\ninsert into t values ('after');\n"),
]);

async function stored(): Promise<string> {
  const result = await runCli([dsn, '--format', 'csv', '--no-header', '-c', "select coalesce(group_concat(x, '|'), '(none)') from t"]);
  return result.code === 0 ? result.stdout.trim() : `(error: ${result.stderr.trim()})`;
}

describe('a -f file that is not UTF-8', () => {
  it('is refused with its name and line; nothing of the input runs (not even an earlier -c)', async () => {
    const file = path.join(dir, 'latin1.sql');
    fs.writeFileSync(file, SCRIPT);
    const result = await runCli([dsn, '-c', 'create table before_it (y int)', '-f', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:3: the SQL file is not valid UTF-8 (byte 0xe9 at column 27); nothing was run`);
    expect(result.stderr).toMatch(/hint: convert it to UTF-8/);
    const tables = await runCli([dsn, '--format', 'csv', '--no-header', '-c', "select count(*) from sqlite_master where type = 'table'"]);
    expect(tables.stdout.trim()).toBe('0');
  });
});

describe('stdin that is not UTF-8', () => {
  it('runs the statements before the bad one, then stops naming <stdin> and the line; no U+FFFD is stored', async () => {
    const result = await runCli([dsn], { input: SCRIPT });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '<stdin>:3: the input is not valid UTF-8 (byte 0xe9 at column 27); the statement there and the rest of the input were not run',
    );
    expect(await stored()).toBe('ok');
  });

  it('a character split between two chunks is read whole', async () => {
    const pieces = Array.from(Buffer.from("select 'é€😀' as v;\nselect 2;")).map((byte) => Buffer.from([byte]));
    const statements: string[] = [];
    for await (const fed of feedStatements([{ label: '<stdin>', stream: Readable.from(pieces) }], 'sqlite'))
      statements.push(fed.statement.text);
    expect(statements).toHaveLength(2);
    expect(statements[0]).toContain("'é€😀'");
  });

  it('a multi-byte character cut off by the end of the input is an error too', async () => {
    const cut = Buffer.concat([Buffer.from("select 1;\nselect '"), Buffer.from('€').subarray(0, 2)]);
    const run = async () => {
      for await (const _fed of feedStatements([{ label: '<stdin>', stream: Readable.from([cut]) }], 'sqlite')) {
        /* drain */
      }
    };
    await expect(run()).rejects.toThrow(/<stdin>:2: the input is not valid UTF-8 \(byte 0xe2 at column 9\)/);
  });
});

describe('checkUtf8', () => {
  it('agrees with a strict decoder on arbitrary bytes, and points at the first bad sequence', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const valid = (bytes: Uint8Array) => {
      try {
        strict.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 40 }),
          fc.string({ unit: 'binary' }).map((s) => Buffer.from(s)),
        ),
        (bytes) => {
          const { invalidAt } = checkUtf8(bytes);
          expect(invalidAt === -1).toBe(valid(bytes));
          if (invalidAt !== -1) {
            expect(valid(bytes.subarray(0, invalidAt))).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
