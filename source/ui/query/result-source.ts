// The rows of one result for the result view: either all at hand (a write's RETURNING rows, \dt)
// or read from a stream chunk by chunk as the user scrolls. Memory stays bounded by RowStore.
import type { Column, Row, RowStream } from '../../adapters/adapter.js';
import { layoutTable, widenLayout, type TableLayout } from '../format/table-layout.js';
import { RowStore } from '../state/row-store.js';

/** Rows used to size columns */
const LAYOUT_SAMPLE = 200;

export class ResultSource {
  readonly rows: RowStore;
  private iterator: AsyncIterator<Row[]> | null;
  private reading: Promise<void> | null = null;
  private layoutCache: TableLayout | null = null;
  complete: boolean;
  failure: Error | null = null;

  private constructor(
    readonly columns: Column[],
    private readonly stream: RowStream | null,
    retainLimit?: number,
  ) {
    this.rows = new RowStore(retainLimit);
    this.iterator = stream ? stream[Symbol.asyncIterator]() : null;
    this.complete = stream === null;
  }

  static fromRows(columns: Column[], rows: Row[]): ResultSource {
    const source = new ResultSource(columns, null);
    source.rows.append(rows);
    return source;
  }

  /** Rows taken from another result (sorted client-side): `whole` false when they are not all of its rows. */
  static fromLoadedRows(columns: Column[], rows: Row[], whole: boolean): ResultSource {
    const source = ResultSource.fromRows(columns, rows);
    source.partial = !whole;
    return source;
  }
  private partial = false;

  static fromStream(stream: RowStream, retainLimit?: number): ResultSource {
    return new ResultSource(stream.columns, stream, retainLimit);
  }

  get layout(): TableLayout {
    // Sized once from the first rows; re-sized only if it was computed before any row arrived,
    // or for another screen width (the columns share the width).
    if (this.layoutCache === null || (this.layoutFromNoRows && this.rows.rowCount > 0)) {
      this.layoutFromNoRows = this.rows.rowCount === 0;
      this.layoutCache = layoutTable(
        this.columns,
        this.rows.slice(0, LAYOUT_SAMPLE).filter((row): row is Row => row !== 'released'),
        this.viewWidth,
      );
    }
    return this.layoutCache;
  }
  private layoutFromNoRows = false;
  private viewWidth = 0;

  /** The layout for a screen this wide (the same one while the width stays). */
  layoutAt(viewWidth: number): TableLayout {
    if (viewWidth !== this.viewWidth) {
      this.viewWidth = viewWidth;
      this.layoutCache = null;
    }
    return this.layout;
  }

  /** The layout widened for the rows about to be shown, so a later, longer value is not cut. */
  layoutFor(from: number, to: number, viewWidth: number): TableLayout {
    const rows = this.rows.slice(from, to).filter((row): row is Row => row !== 'released');
    this.layoutCache = widenLayout(this.layoutAt(viewWidth), rows);
    return this.layoutCache;
  }

  /** Reads one more chunk; concurrent calls share the read. Resolves after the rows are stored. */
  readMore(): Promise<void> {
    const iterator = this.iterator;
    if (this.complete || iterator === null) return Promise.resolve();
    return this.read(async () => {
      const next = await iterator.next();
      if (next.done) this.finish();
      else this.rows.append(next.value);
    });
  }

  /** The stream can pass over rows the store would release anyway (RowStream.tail). */
  get canPassOverRows(): boolean {
    return !this.complete && this.stream?.tail !== undefined;
  }

  /**
   * Reads on towards the end keeping only the newest rows (the End key): up to `limit` rows a
   * call, so the count grows on screen and a cancel is honoured between calls.
   */
  readTowardsEnd(limit: number): Promise<void> {
    const tail = this.stream?.tail;
    if (this.complete || !tail) return this.readMore();
    return this.read(async () => {
      const { skipped, rows, done } = await tail(this.rows.retainedLimit, limit);
      this.rows.appendAfterGap(skipped, rows);
      if (done) this.finish();
    });
  }

  /** One read at a time: a call while one runs shares it. A failure ends the result. */
  private read(step: () => Promise<void>): Promise<void> {
    this.reading ??= step()
      .catch((error: unknown) => {
        this.failure = error instanceof Error ? error : new Error(String(error));
        this.finish();
      })
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }

  get isReading(): boolean {
    return this.reading !== null;
  }

  /** The source reached its last row (not closed early): it holds or held every row */
  get readToEnd(): boolean {
    return !this.partial && (this.stream === null || this.finished);
  }
  private finished = false;

  private finish(): void {
    this.finished = true;
    this.complete = true;
    this.iterator = null;
    void this.stream?.close().catch(() => undefined);
  }

  /** Stops reading and frees the connection; idempotent. */
  async close(): Promise<void> {
    this.complete = true;
    this.iterator = null;
    await this.stream?.close().catch(() => undefined);
  }
}
