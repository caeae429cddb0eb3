// Where the rows end inside a piece of output, so that a write that stops part-way (a full disk)
// can say how many whole rows reached the output. Computed only after such a failure: the writers
// merely note each row's end offset, which costs one array push a row.

/** The rows that end inside one piece of output handed to the sink. */
export interface RowMarks {
  /** Rows that end inside the piece */
  readonly count: number;
  /** How many of them end within `written`, the first bytes of the piece (a write stopped there) */
  within(written: Uint8Array): number;
}

const decoder = new TextDecoder();

/**
 * Row ends as offsets in the piece's text (UTF-16 code units, as `text.length` counts them, in
 * ascending order). A prefix of bytes is decoded to find how far into the text it reaches; a
 * character cut by the stop decodes to one replacement character, which never reaches the end
 * of the row it belongs to (every row ends with a newline or a closing brace after it).
 */
export class RowEnds implements RowMarks {
  constructor(readonly ends: ArrayLike<number>) {}

  get count(): number {
    return this.ends.length;
  }

  within(written: Uint8Array): number {
    const reached = decoder.decode(written).length;
    // The number of ends <= reached (binary search: a piece holds up to a few thousand rows).
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.ends[middle]! <= reached) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
