// The server's CSV (COPY TO STDOUT) arrives in network-sized chunks that may end inside a record.
// Passing on only whole records means an export cut short (Ctrl+C, a lost connection) leaves a
// file that ends at a record boundary: partial, but never a half row.
// Linear in the data: each byte is scanned once (the quote state carries over from chunk to
// chunk) and copied at most twice, however long a value is. (Re-scanning and re-joining the held
// part on every chunk made a 100 MB value take minutes.)
import type { RowMarks } from '../output/row-marks.js';

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/** Where the records go: the output sink (each piece is awaited before the next chunk). */
export interface RecordTarget {
  write(data: Uint8Array, rows?: RowMarks): void;
  flush(): Promise<void>;
}

interface Scan {
  /** Records that end in the chunk */
  records: number;
  /** Offset just after the last record end in the chunk; -1 when none ends there */
  end: number;
  /** Inside a quoted field at the chunk's end */
  inQuotes: boolean;
}

/** Scans `data` once from the given quote state. "" inside quotes toggles twice, so it needs no rule of its own. */
export function scanRecords(data: Uint8Array, inQuotes: boolean): Scan {
  let records = 0;
  let end = -1;
  if (!inQuotes && data.indexOf(QUOTE) === -1) {
    // No quotes: every newline ends a record.
    for (let at = data.indexOf(NEWLINE); at !== -1; at = data.indexOf(NEWLINE, at + 1)) {
      records += 1;
      end = at + 1;
    }
    return { records, end, inQuotes: false };
  }
  let quoted = inQuotes;
  for (let i = 0; i < data.length; i += 1) {
    const byte = data[i];
    if (byte === QUOTE) quoted = !quoted;
    else if (byte === NEWLINE && !quoted) {
      records += 1;
      end = i + 1;
    }
  }
  return { records, end, inQuotes: quoted };
}

/** Whole records in a piece that starts at a record boundary; the header line is not a row. */
class RecordMarks implements RowMarks {
  constructor(
    readonly count: number,
    private readonly headerHere: boolean,
  ) {}

  within(written: Uint8Array): number {
    return Math.max(0, scanRecords(written, false).records - (this.headerHere ? 1 : 0));
  }
}

/** Forwards whole CSV records to `target` and holds back the rest. */
export class WholeRecordWriter {
  private held: Uint8Array[] = [];
  private inQuotes = false;
  private headerPending: boolean;
  /** Bytes scanned and copied so far (the work is linear in the data: see the tests) */
  readonly work = { scanned: 0, copied: 0 };

  constructor(
    private readonly target: RecordTarget,
    options: { header: boolean },
  ) {
    this.headerPending = options.header;
  }

  async write(chunk: Uint8Array): Promise<void> {
    const scan = scanRecords(chunk, this.inQuotes);
    this.work.scanned += chunk.length;
    this.inQuotes = scan.inQuotes;
    if (scan.end === -1) {
      // Copied: the network layer may reuse the chunk's memory.
      this.held.push(this.copy(chunk));
      return;
    }
    const head = chunk.subarray(0, scan.end);
    const piece = this.held.length === 0 ? head : this.join([...this.held, head]);
    this.held = scan.end === chunk.length ? [] : [this.copy(chunk.subarray(scan.end))];
    await this.forward(piece, scan.records);
  }

  /** Writes what is held back (a last record without a newline) once the source has ended. */
  async finish(): Promise<void> {
    if (this.held.length === 0) return;
    const rest = this.join(this.held);
    this.held = [];
    await this.forward(rest, 1);
  }

  private async forward(piece: Uint8Array, records: number): Promise<void> {
    const headerHere = this.headerPending;
    this.headerPending = false;
    this.target.write(piece, new RecordMarks(Math.max(0, records - (headerHere ? 1 : 0)), headerHere));
    await this.target.flush();
  }

  private copy(data: Uint8Array): Uint8Array {
    this.work.copied += data.length;
    return Buffer.from(data);
  }

  private join(parts: Uint8Array[]): Uint8Array {
    const joined = Buffer.concat(parts);
    this.work.copied += joined.length;
    return joined;
  }
}
