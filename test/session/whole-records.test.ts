// The server's CSV passes through only as whole records, whatever the chunk boundaries, with
// work linear in the data (a 100 MB value once took minutes: the held part was re-joined and
// re-scanned on every chunk).
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutputSink } from '../../source/output/output-sink.js';
import { scanRecords, WholeRecordWriter } from '../../source/session/whole-records.js';

/** Where the last complete record ends (0 when none does), for a text starting at a boundary. */
const end = (text: string) => Math.max(0, scanRecords(Buffer.from(text), false).end);

describe('scanRecords', () => {
  it('ends after the last newline outside quotes', () => {
    expect(end('')).toBe(0);
    expect(end('1,a')).toBe(0);
    expect(end('1,a\n2,b')).toBe(4);
    expect(end('1,a\n2,b\n')).toBe(8);
    expect(end('1,"x\ny"\n2,"p\nq')).toBe(8);
    expect(end('1,"say ""hi""\n"\n2')).toBe(16);
  });
  it('carries the quote state across chunks', () => {
    expect(scanRecords(Buffer.from('x\ny"\n'), true)).toEqual({ records: 1, end: 5, inQuotes: false });
    expect(scanRecords(Buffer.from('a\nb\n'), false)).toEqual({ records: 2, end: 4, inQuotes: false });
    expect(scanRecords(Buffer.from('"a\nb'), false)).toEqual({ records: 0, end: -1, inQuotes: true });
  });
});

/** A sink over a target that records what reached it, write by write. */
function recorder(): { sink: OutputSink; writes: string[] } {
  const writes: string[] = [];
  const target = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      writes.push(chunk.toString());
      callback();
    },
  });
  return { sink: new OutputSink(target), writes };
}

const field = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', 'é') }).map((text) => `"${text.replaceAll('"', '""')}"`);
const record = fc
  .array(fc.oneof(field, fc.constantFrom('1', 'x', '')), { minLength: 1, maxLength: 4 })
  .map((fields) => `${fields.join(',')}\n`);

describe('WholeRecordWriter', () => {
  it('forwards whole records only, and everything once finished (any chunking); counts the rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.boolean(),
        async (records, cuts, header) => {
          const csv = Buffer.from(records.join(''));
          const points = [...new Set(cuts.map((cut) => (csv.length === 0 ? 0 : cut % csv.length)))].sort((a, b) => a - b);
          const { sink, writes } = recorder();
          const writer = new WholeRecordWriter(sink, { header });
          let previous = 0;
          const boundaries = new Set<number>([0]);
          let offset = 0;
          for (const each of records) boundaries.add((offset += Buffer.byteLength(each)));
          for (const point of [...points, csv.length]) {
            await writer.write(csv.subarray(previous, point));
            previous = point;
            // What reached the target so far always ends at a record boundary.
            expect(boundaries.has(Buffer.byteLength(writes.join('')))).toBe(true);
          }
          await writer.finish();
          await sink.flush();
          expect(writes.join('')).toBe(csv.toString());
          expect(sink.rowsWritten).toBe(Math.max(0, records.length - (header ? 1 : 0)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('scans and copies each byte a bounded number of times, however long a value (32 MB in 16 KB chunks)', async () => {
    const size = 32 * 1024 * 1024;
    const chunk = 16 * 1024;
    const csv = Buffer.concat([Buffer.from('id,v\n1,"'), Buffer.alloc(size, 'x'), Buffer.from(',"\n2,b\n')]);
    let concatenated = 0;
    const concat = Buffer.concat;
    Buffer.concat = ((list: readonly Uint8Array[], total?: number) => {
      const joined = concat(list, total);
      concatenated += joined.length;
      return joined;
    }) as typeof Buffer.concat;
    const { sink, writes } = recorder();
    const writer = new WholeRecordWriter(sink, { header: true });
    try {
      for (let at = 0; at < csv.length; at += chunk) await writer.write(csv.subarray(at, at + chunk));
      await writer.finish();
    } finally {
      Buffer.concat = concat;
    }
    // The quadratic version joined ~n²/(2·chunk) bytes here (~32 GB); linear work stays within a
    // small multiple of the data, whatever the chunk size.
    expect(concatenated).toBeLessThanOrEqual(2 * csv.length);
    expect(writer.work.scanned).toBe(csv.length);
    expect(writer.work.copied).toBeLessThanOrEqual(3 * csv.length);
    expect(writes.join('').length).toBe(csv.length);
    expect(sink.rowsWritten).toBe(2);
  });
});
