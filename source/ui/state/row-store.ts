// The rows of one result as they arrive, with bounded memory: a stream reads forward only, so the
// store keeps the newest `retainLimit` rows read and releases older ones. Scrolling back above the
// retained window shows a marker (re-run the statement to see those rows). With the default limit,
// scrolling to the end of a 1,000,000-row result holds at most 50,000 rows.
import type { Row } from '../../adapters/adapter.js';

export const DEFAULT_RETAIN_LIMIT = 50_000;

export class RowStore {
  private chunks: Row[][] = [];
  /** Absolute index of the first row of chunks[0] */
  private firstRetained = 0;
  private count = 0;

  constructor(private readonly retainLimit = DEFAULT_RETAIN_LIMIT) {}

  get rowCount(): number { return this.count; }
  get firstRetainedRow(): number { return this.firstRetained; }

  append(rows: Row[]): void {
    if (rows.length === 0) return;
    this.chunks.push(rows);
    this.count += rows.length;
    // Release whole chunks from the front while the rest still covers the limit.
    while (this.chunks.length > 1 && this.count - this.firstRetained - (this.chunks[0]?.length ?? 0) >= this.retainLimit) {
      const released = this.chunks.shift();
      this.firstRetained += released?.length ?? 0;
    }
  }

  /** The row at an absolute index; `released` if it was dropped, undefined if not read yet. */
  get(index: number): Row | 'released' | undefined {
    if (index >= this.count || index < 0) return undefined;
    if (index < this.firstRetained) return 'released';
    let offset = index - this.firstRetained;
    for (const chunk of this.chunks) {
      if (offset < chunk.length) return chunk[offset];
      offset -= chunk.length;
    }
    return undefined;
  }

  /** Rows [from, to) as far as present */
  slice(from: number, to: number): Array<Row | 'released'> {
    const rows: Array<Row | 'released'> = [];
    for (let index = from; index < Math.min(to, this.count); index += 1) {
      const row = this.get(index);
      if (row !== undefined) rows.push(row);
    }
    return rows;
  }
}
