// Output that cannot be written is an error: /dev/full and a real tiny file system that fills up,
// in every format, on the SQLite paths (rows formatted here and on the formatting thread) and the
// PostgreSQL COPY path. The run exits 1, names the system error, says how many whole rows reached
// the output (checked against the file) and which statements were not run. Only a reader that went
// away (EPIPE) ends the output quietly.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli-path.js';
import { availability, PG_DSN } from '../helpers/servers.js';
import { baseEnv, runCli } from './run-cli.js';
import { canMount, mountSmallDisk, type SmallDisk } from './small-disk.js';

const ROWS = 50_000;
const MEMORY_ROWS = `with recursive c(i) as (select 1 union all select i + 1 from c where i < ${ROWS}) select i, 'xxxxxxxxxx' as y from c`;
const PG_ROWS = `select g as i, 'xxxxxxxxxx' as y from generate_series(1, ${ROWS}) g`;
const FORMATS = ['table', 'csv', 'tsv', 'json', 'ndjson'] as const;
type Format = (typeof FORMATS)[number];

/** Whole rows in what reached the file (the data holds no newline, brace or quote of its own). */
function wholeRows(text: string, format: Format): number {
  const lines = text.split('\n').length - 1;
  switch (format) {
    case 'table':
      return Math.max(0, lines - 2);
    case 'csv':
    case 'tsv':
      return Math.max(0, lines - 1);
    case 'ndjson':
      return lines;
    case 'json':
      return text.split('}').length - 1;
  }
}

function reportedRows(stderr: string): number {
  const match = /(\d+) rows? of this statement reached the output/.exec(stderr);
  if (!match) throw new Error(`no row count in: ${stderr}`);
  return Number(match[1]);
}

function devFull(): number {
  return fs.openSync('/dev/full', 'w');
}

describe('output to /dev/full', () => {
  for (const format of FORMATS) {
    it(`--format ${format}: exit 1, ENOSPC named, no row reached it`, async () => {
      const fd = devFull();
      try {
        const result = await runCli(['memory', '--format', format, '-c', MEMORY_ROWS], { stdoutFd: fd });
        expect(result.code, result.stderr).toBe(1);
        expect(result.stderr).toMatch(/no space left on the device \(ENOSPC\)/);
        expect(reportedRows(result.stderr)).toBe(0);
        if (format === 'json') expect(result.stderr).toMatch(/not valid JSON/);
        expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
      } finally {
        fs.closeSync(fd);
      }
    });
  }

  it('a script stops at the failing output and says what was not run', async () => {
    const fd = devFull();
    try {
      const result = await runCli(['memory', '--format', 'csv', '-c', 'select 1 as a', '-c', 'select 2 as b', '-c', 'select 3 as c'], {
        stdoutFd: fd,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('<-c 1>:1');
      expect(result.stderr).toMatch(/2 later statements were not run/);
    } finally {
      fs.closeSync(fd);
    }
  });

  it.skipIf(!availability().postgres)('PostgreSQL COPY path: exit 1, ENOSPC named, and the session is left usable', async () => {
    const fd = devFull();
    try {
      const result = await runCli([PG_DSN, '--format', 'csv', '-c', PG_ROWS], { stdoutFd: fd });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/no space left on the device \(ENOSPC\)/);
      expect(reportedRows(result.stderr)).toBe(0);
    } finally {
      fs.closeSync(fd);
    }
  });
});

describe.skipIf(!canMount)('output to a file system that fills up (a 256 KiB tmpfs)', () => {
  let disk: SmallDisk | null = null;
  afterEach(() => {
    disk?.unmount();
    disk = null;
  });

  const fillUp = async (args: string[], format: Format) => {
    disk = mountSmallDisk(256);
    const { fd, file } = disk.open(`out.${format}`);
    const result = await runCli([...args, '--format', format], { stdoutFd: fd });
    const text = fs.readFileSync(file, 'utf8');
    return { result, text };
  };

  for (const format of FORMATS) {
    it(`--format ${format} (SQLite): the reported row count is the file's`, async () => {
      const { result, text } = await fillUp(['memory', '-c', MEMORY_ROWS], format);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/ENOSPC/);
      expect(result.stderr).toMatch(/the output is partial/);
      const rows = reportedRows(result.stderr);
      expect(rows).toBeGreaterThan(1000);
      expect(rows).toBeLessThan(ROWS);
      expect(rows).toBe(wholeRows(text, format));
    });
  }

  it.skipIf(!availability().postgres)("PostgreSQL COPY path: the reported row count is the file's", async () => {
    const { result, text } = await fillUp([PG_DSN, '-c', PG_ROWS], 'csv');
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/ENOSPC/);
    const rows = reportedRows(result.stderr);
    expect(rows).toBeGreaterThan(1000);
    expect(rows).toBe(wholeRows(text, 'csv'));
  });

  it.skipIf(!availability().postgres)('PostgreSQL rows path (json): count, partial JSON said, later statement not run', async () => {
    const { result, text } = await fillUp([PG_DSN, '-c', PG_ROWS, '-c', 'select 1 as later'], 'json');
    expect(result.code, result.stderr).toBe(1);
    expect(reportedRows(result.stderr)).toBe(wholeRows(text, 'json'));
    expect(result.stderr).toMatch(/not valid JSON/);
    expect(result.stderr).toMatch(/1 later statement was not run/);
  });
});

describe('a reader that goes away (EPIPE)', () => {
  const readFirstChunk = (args: string[]) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI_PATH, ...args], { env: baseEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => resolve({ code, stderr }));
    });

  it('ends the last statement quietly with exit 0', async () => {
    const result = await readFirstChunk(['memory', '--format', 'csv', '-c', MEMORY_ROWS]);
    expect(result).toEqual({ code: 0, stderr: '' });
  });

  it('says which statements were not run when more followed (exit 1)', async () => {
    const result = await readFirstChunk(['memory', '--format', 'csv', '-c', MEMORY_ROWS, '-c', 'select 2']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the output was closed by its reader/);
    expect(result.stderr).toMatch(/1 later statement was not run/);
  });
});
