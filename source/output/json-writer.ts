// json: one array of objects per statement that returns rows, written as rows arrive (never
// built in memory). ndjson: one object per line. Column names repeated in a result get a suffix
// (`id`, `id_2`) so no value is lost.
import type { Column, Row } from '../adapters/adapter.js';
import type { OutputSink } from './output-sink.js';
import type { ResultWriter, StatementStatus } from './result-writer.js';
import { RowEnds } from './row-marks.js';

/** What JSON.stringify leaves as is and a terminal would act on or reorder. */
const RAW_FOR_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function uniqueKeys(columns: Column[]): string[] {
  const seen = new Map<string, number>();
  return columns.map(({ name }) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    let key = count === 1 ? name : `${name}_${count}`;
    while (count > 1 && seen.has(key)) key = `${key}_`;
    if (count > 1) seen.set(key, 1);
    return key;
  });
}

export class JsonWriter implements ResultWriter {
  private keys: string[] = [];
  private first = true;

  /** `terminal`: characters JSON leaves raw that a terminal acts on (DEL, C1, bidi controls) are written as \u escapes (still the same JSON) */
  constructor(
    private readonly sink: OutputSink,
    private readonly format: 'json' | 'ndjson',
    private readonly terminal = false,
  ) {}

  begin(columns: Column[]): void {
    this.keys = uniqueKeys(columns).map((key) => this.safe(JSON.stringify(key)));
    this.first = true;
    if (this.format === 'json') this.sink.write('[');
  }

  rows(rows: Row[]): void {
    const array = this.format === 'json';
    let text = '';
    const ends: number[] = [];
    for (const row of rows) {
      let object = '{';
      for (let i = 0; i < this.keys.length; i += 1) {
        object += `${i === 0 ? '' : ','}${this.keys[i]}:${this.safe(JSON.stringify(row[i] ?? null))}`;
      }
      object += '}';
      if (array) {
        text += `${this.first ? '\n' : ',\n'}${object}`;
        this.first = false;
      } else {
        text += `${object}\n`;
      }
      ends.push(text.length);
    }
    this.sink.write(text, new RowEnds(ends));
  }

  private safe(json: string): string {
    return this.terminal ? json.replace(RAW_FOR_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
  }

  end(_rowCount: number): void {
    if (this.format === 'json') this.sink.write(this.first ? ']\n' : '\n]\n');
  }

  cutOffNote(): string | null {
    return this.format === 'json' ? 'the JSON output is cut off (its array is not closed), so it is not valid JSON' : null;
  }

  status(_status: StatementStatus): void {}
}
