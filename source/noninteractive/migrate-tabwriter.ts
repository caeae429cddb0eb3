// Go's text/tabwriter as Ory's cmdx uses it for `migrate sql status` (minwidth 0, tabwidth 8,
// padding 1, padchar '\t', no flags), so that dsnsh's table is byte for byte the service's:
// cells end at '\t' (or '\v'), lines at '\n' (or '\f'); a column's width is its widest cell + 1
// rounded up to a multiple of 8, filled with tabs; a line without a tab ends a block of columns.
// Widths count code points, as Go counts runes.

const TAB_WIDTH = 8;
const PADDING = 1;

interface Cell {
  text: string;
  width: number;
  /** Ended by '\t' (a hard tab) rather than '\v' */
  htab: boolean;
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

class TabWriter {
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];
  private out = '';

  write(text: string): void {
    for (const ch of text) {
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') {
        this.cell += ch;
        continue;
      }
      const cells = this.terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        // A line of one cell does not shape the lines after it: what came before is final.
        if (ch === '\f' || cells === 1) this.flushLines();
      }
    }
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines.at(-1)!;
    line.push({ text: this.cell, width: codePoints(this.cell), htab });
    this.cell = '';
    return line.length;
  }

  private flushLines(): void {
    if (this.cell !== '') this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
  }

  /** Everything written, formatted. */
  finish(): string {
    this.flushLines();
    return this.out;
  }

  private padding(textWidth: number, cellWidth: number): void {
    const rounded = Math.ceil(cellWidth / TAB_WIDTH) * TAB_WIDTH;
    this.out += '\t'.repeat(Math.ceil((rounded - textWidth) / TAB_WIDTH));
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i += 1) {
      const line = this.lines[i]!;
      line.forEach((cell, j) => {
        this.out += cell.text;
        if (j < this.widths.length) this.padding(cell.width, this.widths[j]!);
      });
      // The last buffered line has no newline of its own.
      if (i + 1 < this.lines.length) this.out += '\n';
    }
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    let start = line0;
    for (let current = line0; current < line1; current += 1) {
      if (column >= this.lines[current]!.length - 1) continue;
      // A block of consecutive lines that all have a cell in this column.
      this.writeLines(start, current);
      start = current;
      let width = 0;
      for (; current < line1; current += 1) {
        const line = this.lines[current]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column]!.width + PADDING);
      }
      this.widths.push(width);
      this.format(start, current);
      this.widths.pop();
      start = current;
      // `current` is the first line after the block; the loop's increment must not skip it.
      current -= 1;
    }
    this.writeLines(start, line1);
  }
}

/** cmdx's table: the header and each row, every cell followed by a tab, through tabwriter. */
export function goTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const writer = new TabWriter();
  writer.write(header.map((h) => `${h}\t`).join(''));
  writer.write('\n');
  for (const row of rows) writer.write(`${row.join('\t')}\t\n`);
  return writer.finish();
}
