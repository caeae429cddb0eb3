// The DSN's warnings (`mode=ro` on a plain path, a pool value that falls back) are said on stderr
// in -c, -f and stdin runs too, once, before any result, as `dsn explain` and doctor say them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli-path.js';
import { availability, PG_DSN } from '../helpers/servers.js';
import { baseEnv, runCli } from './run-cli.js';

let dir: string;
let dsn: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-out-warnings-'));
  dsn = `sqlite://${path.join(dir, 'db.sqlite')}?_fk=true&mode=ro`;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const MODE_WARNING = 'dsnsh: warning: mode only applies to file: URIs';

/** stdout and stderr through one pipe, so their order can be checked. */
function combined(args: string[], input = ''): string {
  const quoted = [CLI_PATH, ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
  return execFileSync('bash', ['-c', `node ${quoted} 2>&1`], { input, env: baseEnv(), encoding: 'utf8' });
}

describe('DSN warnings outside the console', () => {
  it('-c: once, before the results', () => {
    const out = combined([dsn, '--format', 'csv', '-c', "select 'first' as v", '-c', "select 'second' as v"]);
    expect(out.split(MODE_WARNING)).toHaveLength(2);
    expect(out.indexOf(MODE_WARNING)).toBeLessThan(out.indexOf('first'));
  });

  it('-f and stdin too', async () => {
    const file = path.join(dir, 'q.sql');
    fs.writeFileSync(file, 'select 1;\nselect 2;\n');
    for (const result of [await runCli([dsn, '-f', file]), await runCli([dsn], { input: 'select 1;\nselect 2;\n' })]) {
      expect(result.code).toBe(0);
      expect(result.stderr.split(MODE_WARNING)).toHaveLength(2);
    }
  });

  it.skipIf(!availability().postgres)('a pool value that falls back to its default', async () => {
    const result = await runCli([`${PG_DSN}&max_conns=2O`, '-c', 'select 1']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'dsnsh: warning: max_conns: "2O" is not an integer; the default 4 applies (as in Ory, which logs a warning).\n',
    );
  });
});
