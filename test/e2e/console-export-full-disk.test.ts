// \export onto a disk that fills up (a real 64 KB tmpfs): the console says the export stopped,
// with the system's error and the number of whole rows the file holds (never more), and that the
// file is partial; a JSON export that stops says the file is not valid JSON.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canMount, mountSmallDisk, type SmallDisk } from '../noninteractive/small-disk.js';
import { privateConsoles } from '../helpers/private-console.js';

const consoles = privateConsoles('dsnsh-ui-export-disk-');
// 200,000 rows of ~40 bytes: far more than the disk holds; not all kept on screen, so \export
// runs this read-only query again into the file.
const QUERY =
  "with recursive c(x) as (select 1 union all select x + 1 from c where x < 200000) select x, 'a value that takes some room' as v from c;";
let disk: SmallDisk;
let sessionKill: (() => void) | null = null;

describe.skipIf(!canMount)('\\export onto a full disk', () => {
  beforeAll(() => {
    disk = mountSmallDisk(64);
  });
  afterAll(() => disk?.unmount());
  afterEach(() => {
    sessionKill?.();
    sessionKill = null;
  });

  for (const format of ['csv', 'json'] as const) {
    it(`${format}: stops with ENOSPC and the rows the file holds`, async () => {
      const session = consoles.start({ args: ['memory'], columns: 200, rows: 40 });
      sessionKill = () => session.kill();
      await session.waitFor('connected');
      session.write(`${QUERY}\r`);
      await session.waitFor(/rows/);
      const file = path.join(disk.dir, `out.${format}`);
      session.write(`\\export ${file}\r`);
      const screen = await session.waitFor(/Export stopped \(ENOSPC: [^)]*\): \d+ rows? reached the file, which is partial/);
      const reported = Number(/Export stopped \(ENOSPC: [^)]*\): (\d+) rows? reached the file/.exec(screen.replace(/\n/g, ' '))![1]);
      const text = fs.readFileSync(file, 'utf8');
      const held = format === 'csv' ? text.split('\n').length - 2 : text.split('{').length - 1;
      expect(reported).toBeGreaterThan(0);
      // Never more rows than the file holds (a row cut by the full disk is not counted).
      expect(reported).toBeLessThanOrEqual(held);
      expect(reported).toBeGreaterThanOrEqual(held - 1);
      if (format === 'json') expect(screen.replace(/\n/g, ' ')).toMatch(/not valid JSON/);
      fs.rmSync(file);
      session.write('\x04');
      expect(await session.exited).toBe(0);
    });
  }
});
