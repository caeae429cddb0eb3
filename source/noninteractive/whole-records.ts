// The server's CSV (COPY TO STDOUT) arrives in network-sized chunks that may end inside a record.
// Passing on only whole records means an export cut short (Ctrl+C, a lost connection) leaves a
// file that ends at a record boundary: partial, but never a half row.
import { Writable } from 'node:stream';

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const EMPTY = Buffer.alloc(0);

/**
 * Where the last complete CSV record in `data` ends (0 when none does). `data` starts at a record
 * boundary; a newline inside a quoted field does not end a record ("" inside quotes toggles twice).
 */
export function lastRecordEnd(data: Buffer): number {
  // Fast path: no quotes, so every newline ends a record.
  if (data.indexOf(QUOTE) === -1) return data.lastIndexOf(NEWLINE) + 1;
  let inQuotes = false;
  let end = 0;
  for (let i = 0; i < data.length; i += 1) {
    const byte = data[i];
    if (byte === QUOTE) inQuotes = !inQuotes;
    else if (byte === NEWLINE && !inQuotes) end = i + 1;
  }
  return end;
}

/** A writable in front of `target` that forwards whole CSV records and holds back the rest. */
export class WholeRecordWriter extends Writable {
  private held: Buffer = EMPTY;

  constructor(private readonly target: NodeJS.WritableStream) {
    super();
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const incoming = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const data = this.held.length > 0 ? Buffer.concat([this.held, incoming]) : incoming;
    const end = lastRecordEnd(data);
    // Copied: a small remainder must not keep a large chunk alive.
    this.held = end === data.length ? EMPTY : Buffer.from(data.subarray(end));
    if (end === 0) return callback();
    this.forward(data.subarray(0, end), callback);
  }

  /** Writes what is held back (a last record without a newline) once the source has ended. */
  finish(): Promise<void> {
    const rest = this.held;
    this.held = EMPTY;
    if (rest.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => this.forward(rest, (error) => (error ? reject(error) : resolve())));
  }

  private forward(data: Buffer, callback: (error?: Error | null) => void): void {
    if (this.target.write(data)) return callback();
    // Honour the target's backpressure; a target that fails or closes meanwhile ends the wait too.
    const done = (error?: Error) => {
      this.target.off('drain', onDrain);
      this.target.off('error', done);
      this.target.off('close', onClose);
      callback(error ?? null);
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('output closed'));
    this.target.once('drain', onDrain);
    this.target.once('error', done);
    this.target.once('close', onClose);
  }
}
