// PostgreSQL csv: one form per type whichever path wrote it. A single query given with -c is
// written by the server (COPY); the same query among others, or from stdin, is written here from
// rows. Both must print the same bytes over a row of edge values (PostgreSQL's own text forms).
// And stdin is answered statement by statement: no look-ahead waits for the end of the input.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli-path.js';
import { availability, PG_DSN } from '../helpers/servers.js';
import { baseEnv, runCli } from './run-cli.js';

const EDGE_VALUES = [
  `true as b_true, false as b_false`,
  `timestamptz '2020-01-01 10:00:00+00' as tstz, timestamptz '2020-06-01 10:00:00.123456+05:30' as tstz_frac, 'infinity'::timestamptz as tstz_inf`,
  `timestamp '2020-01-01 10:00:00' as ts, timestamp '0044-03-15 12:00:00 BC' as ts_bc, date '2020-01-01' as d, time '10:00:01.5' as t, timetz '10:00+02' as ttz, interval '1 day 02:03:04' as iv`,
  `'\\x00ff'::bytea as bin, ''::bytea as bin_empty`,
  `1e20::float8 as f_big, '-0'::float8 as f_negzero, 'NaN'::float8 as f_nan, '-Infinity'::float8 as f_ninf, 1.5e-7::float8 as f_small, 0.1::float4 as f4, 1e15::float8 as f_e15`,
  `9007199254740993::int8 as i8, 12345678901234567890.123::numeric as num, 'NaN'::numeric as num_nan, 7::int2 as i2`,
  `'{"a": [1, "x,y"]}'::json as js, '{"b": 1}'::jsonb as jsb, array[1, 2, null] as arr, array['a,b', 'c"d'] as arr_text`,
  `'' as empty, 'a,b' as comma, 'say "hi"' as quote, E'line\\nbreak' as nl, E'cr\\rhere' as cr, ' pad ' as pad, 'NULL' as null_word, E'\\\\.' as end_marker, 'é😀' as uni`,
  `'00000000-0000-0000-0000-000000000001'::uuid as id, B'101'::bit(3) as bits, point(1, 2) as pt, '192.168.0.1/24'::inet as net, null::int4 as nothing, 1 as a, 2 as a`,
].join(', ');
const QUERY = `select ${EDGE_VALUES} union all select ${EDGE_VALUES.replace(/^true as b_true/, 'null as b_true')}`;
const END = ['-c', 'select 1 as zz_end'];

describe.skipIf(!availability().postgres)('PostgreSQL csv: the same bytes from COPY and from rows', () => {
  for (const header of [true, false]) {
    it(`over a table of edge values${header ? '' : ' (--no-header)'}`, async () => {
      const flags = ['--format', 'csv', ...(header ? [] : ['--no-header'])];
      const copied = await runCli([PG_DSN, ...flags, '-c', QUERY]);
      expect(copied.code, copied.stderr).toBe(0);
      const fromRows = await runCli([PG_DSN, ...flags, '-c', QUERY, ...END]);
      expect(fromRows.code, fromRows.stderr).toBe(0);
      expect(fromRows.stdout).toBe(`${copied.stdout}${header ? 'zz_end\n' : ''}1\n`);
      const fromStdin = await runCli([PG_DSN, ...flags], { input: `${QUERY};\n` });
      expect(fromStdin.stdout).toBe(copied.stdout);
      // PostgreSQL's own text forms (README: Output formats).
      if (header) expect(copied.stdout.split('\n')[1]).toMatch(/^t,f,2020-01-01 10:00:00\+00,/);
      expect(copied.stdout).toContain(',\\x00ff,');
    });
  }

  it('a one-column \\. is quoted on both paths (COPY FROM would read it as the end of data)', async () => {
    const query = "select E'\\\\.' as x";
    const copied = await runCli([PG_DSN, '--format', 'csv', '-c', query]);
    const fromRows = await runCli([PG_DSN, '--format', 'csv', '-c', query, ...END]);
    expect(copied.stdout).toBe('x\n"\\."\n');
    expect(fromRows.stdout).toBe('x\n"\\."\nzz_end\n1\n');
  });

  it('a statement that is not a query (INSERT ... RETURNING) prints the same forms', async () => {
    const table = `dsnsh_out_forms_${process.pid}`;
    const result = await runCli([
      PG_DSN,
      '--format',
      'csv',
      '-c',
      `create temporary table ${table} (b bool, t timestamptz)`,
      '-c',
      `insert into ${table} values (true, '2020-01-01 10:00:00+00') returning b, t`,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('b,t\nt,2020-01-01 10:00:00+00\n');
  });
});

describe.skipIf(!availability().postgres)('PostgreSQL csv from stdin', () => {
  it('answers each statement as it arrives (stdin still open)', async () => {
    const child = spawn(process.execPath, [CLI_PATH, PG_DSN, '--format', 'csv'], { env: baseEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const until = async (text: string) => {
      for (let attempt = 0; attempt < 200 && !stdout.includes(text); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stdout).toContain(text);
    };
    try {
      child.stdin.write('select 1 as a;\n');
      await until('a\n1\n');
      child.stdin.write('select 2 as b;\n');
      await until('b\n2\n');
    } finally {
      child.stdin.end();
    }
    expect(await exited).toBe(0);
    expect(stdout).toBe('a\n1\nb\n2\n');
  });
});
