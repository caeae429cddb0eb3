// The rows of one result as they arrive, with bounded memory. A stream reads forward only, so the
// store keeps the first rows (the top of a result is where people look again) and a sliding
// window of the newest rows read; rows in between are released. Scrolling onto a released row
// shows a marker (re-run the statement to see it). With the defaults, scrolling to the end of a
// 1,000,000-row result holds at most 10,000 + 5,000 rows. The window was 20,000 rows: following a
// stream to its end (End) then promoted every row to the old generation before it was released,
// and the PostgreSQL console peaked at 180-197 MB; with 5,000 at 141-142 MB (same run).
import type { Row } from '../../adapters/adapter.js';

export const DEFAULT_HEAD_LIMIT = 10_000;
export const DEFAULT_RETAIN_LIMIT = 5_000;

export class RowStore {
  /** Chunks of the first rows, never released */
  private head: Row[][] = [];
  private headCount = 0;
  /** The sliding window: chunks[0] starts at absolute row `firstRetained` */
  private chunks: Row[][] = [];
  private firstRetained = 0;
  private count = 0;
  /** Set once rows were passed over: later rows never join the head */
  private headClosed = false;

  constructor(
    private readonly retainLimit = DEFAULT_RETAIN_LIMIT,
    private readonly headLimit = DEFAULT_HEAD_LIMIT,
  ) {}

  get rowCount(): number {
    return this.count;
  }
  /** How many of the newest rows the window holds at least */
  get retainedLimit(): number {
    return this.retainLimit;
  }
  /** First row of the sliding window (rows between the head and this are released) */
  get firstRetainedRow(): number {
    return this.firstRetained;
  }

  append(rows: Row[]): void {
    if (rows.length === 0) return;
    if (!this.headClosed && this.chunks.length === 0 && this.headCount + rows.length <= this.headLimit) {
      this.head.push(rows);
      this.headCount += rows.length;
      this.count += rows.length;
      this.firstRetained = this.count;
      return;
    }
    this.chunks.push(rows);
    this.count += rows.length;
    // Release whole chunks from the window's front while the rest still covers the limit.
    while (this.chunks.length > 1 && this.count - this.firstRetained - (this.chunks[0]?.length ?? 0) >= this.retainLimit) {
      const released = this.chunks.shift();
      this.firstRetained += released?.length ?? 0;
    }
  }

  /**
   * `skipped` rows that were never read here (passed over by the stream, see RowStream.tail),
   * then `rows`: the window starts afresh after the gap, and the skipped rows count as released.
   */
  appendAfterGap(skipped: number, rows: Row[]): void {
    if (skipped > 0) {
      this.headClosed = true;
      this.chunks = [];
      this.count += skipped;
      this.firstRetained = this.count;
    }
    this.append(rows);
  }

  /** The row at an absolute index; `released` if it was dropped, undefined if not read yet. */
  get(index: number): Row | 'released' | undefined {
    if (index >= this.count || index < 0) return undefined;
    if (index < this.headCount) return find(this.head, index);
    if (index < this.firstRetained) return 'released';
    return find(this.chunks, index - this.firstRetained);
  }

  /** Rows [from, to) as far as present */
  slice(from: number, to: number): Array<Row | 'released'> {
    const rows: Array<Row | 'released'> = [];
    for (let index = Math.max(0, from); index < Math.min(to, this.count); index += 1) {
      const row = this.get(index);
      if (row !== undefined) rows.push(row);
    }
    return rows;
  }
}

function find(chunks: Row[][], offset: number): Row | undefined {
  let rest = offset;
  for (const chunk of chunks) {
    if (rest < chunk.length) return chunk[rest];
    rest -= chunk.length;
  }
  return undefined;
}
