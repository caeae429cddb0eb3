// Buffered writes to stdout (or a file) that honour backpressure and never lose a write error:
// the producer awaits `flush()` after each chunk, so a million-row result never piles up in
// memory when the reader is slow, and a failed write (a full disk, an I/O error) stops the run
// with the number of whole rows that reached the output. Only a reader that went away (EPIPE,
// `| head`) ends the output quietly.
import { once } from 'node:events';
import fs from 'node:fs';
import tty from 'node:tty';
import type { RowMarks } from './row-marks.js';

/** The reader went away (EPIPE, e.g. `| head`): stop producing, quietly. */
export class OutputClosedError extends Error {
  override readonly name = 'OutputClosedError';
}

/** Writing failed (ENOSPC, EIO, ...): the output ends early. `code` is the system's error code. */
export class OutputWriteError extends Error {
  override readonly name = 'OutputWriteError';
  constructor(
    readonly code: string,
    readonly reason: string,
  ) {
    super(`writing the output failed: ${reason} (${code})`);
  }
}

const HIGH_WATER = 64 * 1024;

/** Where a writer puts its text: the OutputSink, or a collector on a formatting thread. */
export interface TextSink {
  /** `rows`: where the rows that end in this text end (omitted for headers, footers, statuses) */
  write(text: string, rows?: RowMarks): void;
}

interface Piece {
  data: string | Uint8Array;
  rows: RowMarks | undefined;
}

type Target = NodeJS.WritableStream & { writableNeedDrain?: boolean };

export class OutputSink implements TextSink {
  private pieces: Piece[] = [];
  private hasBytes = false;
  private size = 0;
  private failure: Error | null = null;
  private written = 0;

  /**
   * `fd`: write to this file descriptor directly (a file or device). Node's stream for such an
   * fd ignores a short write, which is how a disk that fills up mid-chunk first shows itself.
   */
  constructor(
    readonly stream: Target,
    private readonly fd: number | null = null,
  ) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      this.failure ??= failureOf(error);
    });
  }

  /** A sink for process.stdout: written by fd when it is a file or a device, else as a stream. */
  static forStdout(): OutputSink {
    return new OutputSink(process.stdout, isFileLike(1) ? 1 : null);
  }

  get closed(): boolean {
    return this.failure !== null;
  }

  /** Whole rows that have reached the output so far (every statement's). */
  get rowsWritten(): number {
    return this.written;
  }

  /** Text, or text already encoded as UTF-8 (e.g. formatted on a worker thread) */
  write(data: string | Uint8Array, rows?: RowMarks): void {
    this.pieces.push({ data, rows });
    this.size += data.length;
    if (typeof data !== 'string') this.hasBytes = true;
  }

  async drainIfFull(): Promise<void> {
    if (this.size >= HIGH_WATER) await this.flush();
  }

  /** Writes what is buffered; throws OutputClosedError (EPIPE) or OutputWriteError. */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.size === 0) return;
    const pieces = this.pieces;
    const data = this.hasBytes ? joinBytes(pieces) : pieces.map((piece) => piece.data as string).join('');
    this.pieces = [];
    this.hasBytes = false;
    this.size = 0;
    if (this.fd !== null) await this.writeToFd(data, pieces);
    else await this.writeToStream(data, pieces);
    // The write may have failed meanwhile (narrowing above does not see that)
    const failed = this.failure as Error | null;
    if (failed) throw failed;
  }

  /** Resolves when the stream can take more (or has failed, which `flush` then reports). */
  async waitForDrain(): Promise<void> {
    if (this.failure) return;
    const abort = new AbortController();
    await Promise.race([
      once(this.stream, 'drain', { signal: abort.signal }).catch(() => undefined),
      once(this.stream, 'error', { signal: abort.signal }).catch(() => undefined),
      once(this.stream, 'close', { signal: abort.signal }).catch(() => undefined),
    ]);
    abort.abort();
  }

  private async writeToStream(data: string | Uint8Array, pieces: Piece[]): Promise<void> {
    // The callback says the bytes were handed to the system: only then do their rows count. Once
    // it has run the stream's buffer is empty, so waiting for it is the backpressure too.
    const abort = new AbortController();
    await Promise.race([
      new Promise<void>((resolve) => {
        this.stream.write(data, (error?: Error | null) => {
          if (error) this.failure ??= failureOf(error as NodeJS.ErrnoException);
          else this.written += rowsIn(pieces);
          resolve();
        });
      }),
      once(this.stream, 'close', { signal: abort.signal }).then(
        () => {
          this.failure ??= new OutputClosedError('output closed');
        },
        () => undefined,
      ),
    ]);
    abort.abort();
  }

  private async writeToFd(data: string | Uint8Array, pieces: Piece[]): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    let done = 0;
    while (done < bytes.length) {
      try {
        done += fs.writeSync(this.fd!, bytes, done, bytes.length - done);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        this.written += rowsWithin(pieces, done);
        this.failure ??= failureOf(error as NodeJS.ErrnoException);
        return;
      }
    }
    this.written += rowsIn(pieces);
  }
}

function rowsIn(pieces: Piece[]): number {
  let rows = 0;
  for (const piece of pieces) rows += piece.rows?.count ?? 0;
  return rows;
}

/** Whole rows in the first `bytes` bytes of the pieces (a write stopped there). */
function rowsWithin(pieces: Piece[], bytes: number): number {
  let rows = 0;
  let left = bytes;
  for (const piece of pieces) {
    const data = typeof piece.data === 'string' ? Buffer.from(piece.data) : piece.data;
    if (left >= data.length) {
      rows += piece.rows?.count ?? 0;
      left -= data.length;
      continue;
    }
    if (left > 0 && piece.rows) rows += piece.rows.within(data.subarray(0, left));
    break;
  }
  return rows;
}

function failureOf(error: NodeJS.ErrnoException): Error {
  const code = error.code ?? 'EIO';
  if (code === 'EPIPE') return new OutputClosedError('output closed');
  return new OutputWriteError(code, REASONS[code] ?? error.message.replace(/^\w+: /, ''));
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is too large',
  EIO: 'input/output error',
  EBADF: 'standard output is not open for writing',
  EROFS: 'the file system is read-only',
};

/** A regular file, a block device or a character device that is not a terminal (/dev/full). */
function isFileLike(fd: number): boolean {
  try {
    const stat = fs.fstatSync(fd);
    return stat.isFile() || stat.isBlockDevice() || (stat.isCharacterDevice() && !tty.isatty(fd));
  } catch {
    return false;
  }
}

function joinBytes(pieces: Piece[]): Uint8Array {
  if (pieces.length === 1 && typeof pieces[0]!.data !== 'string') return pieces[0]!.data;
  return Buffer.concat(pieces.map(({ data }) => (typeof data === 'string' ? Buffer.from(data) : data)));
}
