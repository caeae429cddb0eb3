// Buffered writes to stdout that honour backpressure: the producer awaits `drainIfFull()` after
// each chunk, so a million-row result never piles up in memory when the reader is slow.
import { once } from 'node:events';

/** The reader went away (e.g. `| head`): stop producing, quietly. */
export class OutputClosedError extends Error {
  override readonly name = 'OutputClosedError';
}

const HIGH_WATER = 64 * 1024;

/** Where a writer puts its text: the OutputSink, or a collector on a formatting thread. */
export interface TextSink {
  write(text: string): void;
}

export class OutputSink {
  private parts: (string | Uint8Array)[] = [];
  private hasBytes = false;
  private size = 0;
  private closedBy: Error | null = null;

  constructor(readonly stream: NodeJS.WritableStream & { writableNeedDrain?: boolean }) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      this.closedBy = error;
    });
  }

  get closed(): boolean {
    return this.closedBy !== null;
  }

  /** Text, or text already encoded as UTF-8 (e.g. formatted on a worker thread) */
  write(text: string | Uint8Array): void {
    this.parts.push(text);
    this.size += text.length;
    if (typeof text !== 'string') this.hasBytes = true;
  }

  async drainIfFull(): Promise<void> {
    if (this.size >= HIGH_WATER) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.closedBy) throw new OutputClosedError('output closed');
    if (this.size === 0) return;
    const data = this.hasBytes ? joinBytes(this.parts) : this.parts.join('');
    this.parts = [];
    this.hasBytes = false;
    this.size = 0;
    if (!this.stream.write(data)) await this.waitForDrain();
    if (this.closedBy) throw new OutputClosedError('output closed');
  }

  /** Resolves when the stream can take more (or has failed, which `flush` then reports). */
  async waitForDrain(): Promise<void> {
    if (this.closedBy) return;
    const abort = new AbortController();
    await Promise.race([
      once(this.stream, 'drain', { signal: abort.signal }).catch(() => undefined),
      once(this.stream, 'error', { signal: abort.signal }).catch(() => undefined),
      once(this.stream, 'close', { signal: abort.signal }).catch(() => undefined),
    ]);
    abort.abort();
  }
}

function joinBytes(parts: (string | Uint8Array)[]): Uint8Array {
  if (parts.length === 1 && typeof parts[0] !== 'string') return parts[0]!;
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));
}
