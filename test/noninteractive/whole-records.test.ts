// The server's CSV passes through only as whole records, whatever the chunk boundaries.
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastRecordEnd, WholeRecordWriter } from '../../source/noninteractive/whole-records.js';

const end = (text: string) => lastRecordEnd(Buffer.from(text));

describe('lastRecordEnd', () => {
  it('ends after the last newline outside quotes', () => {
    expect(end('')).toBe(0);
    expect(end('1,a')).toBe(0);
    expect(end('1,a\n2,b')).toBe(4);
    expect(end('1,a\n2,b\n')).toBe(8);
    expect(end('1,"x\ny"\n2,"p\nq')).toBe(8);
    expect(end('1,"say ""hi""\n"\n2')).toBe(16);
  });
});

/** A target that records what reached it, write by write. */
function recorder(): { target: Writable; writes: string[] } {
  const writes: string[] = [];
  const target = new Writable({ write(chunk: Buffer, _encoding, callback) { writes.push(chunk.toString()); callback(); } });
  return { target, writes };
}

const field = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', 'é') }).map((text) => `"${text.replaceAll('"', '""')}"`);
const record = fc.array(fc.oneof(field, fc.constantFrom('1', 'x', '')), { minLength: 1, maxLength: 4 }).map((fields) => `${fields.join(',')}\n`);

describe('WholeRecordWriter', () => {
  it('forwards whole records only, and everything once finished (any chunking)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(record, { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 10 }), async (records, cuts) => {
      const csv = Buffer.from(records.join(''));
      const points = [...new Set(cuts.map((cut) => (csv.length === 0 ? 0 : cut % csv.length)))].sort((a, b) => a - b);
      const { target, writes } = recorder();
      const writer = new WholeRecordWriter(target);
      let previous = 0;
      const boundaries = new Set<number>([0]);
      let offset = 0;
      for (const each of records) boundaries.add((offset += Buffer.byteLength(each)));
      for (const point of [...points, csv.length]) {
        await new Promise<void>((resolve, reject) => writer.write(csv.subarray(previous, point), (error) => (error ? reject(error) : resolve())));
        previous = point;
        // What reached the target so far always ends at a record boundary.
        expect(boundaries.has(Buffer.byteLength(writes.join('')))).toBe(true);
      }
      await writer.finish();
      expect(writes.join('')).toBe(csv.toString());
    }), { numRuns: 300 });
  });
});
