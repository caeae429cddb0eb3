// json: one array of objects per statement that returns rows, written as rows arrive (never
// built in memory). ndjson: one object per line. Column names repeated in a result get a suffix
// (`id`, `id_2`) so no value is lost.
import type { Column, Row } from '../../adapters/adapter.js';
import type { OutputSink } from './output-sink.js';
import type { ResultWriter, StatementStatus } from './result-writer.js';

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

  constructor(private readonly sink: OutputSink, private readonly format: 'json' | 'ndjson') {}

  begin(columns: Column[]): void {
    this.keys = uniqueKeys(columns).map((key) => JSON.stringify(key));
    this.first = true;
    if (this.format === 'json') this.sink.write('[');
  }

  rows(rows: Row[]): void {
    const array = this.format === 'json';
    let text = '';
    for (const row of rows) {
      let object = '{';
      for (let i = 0; i < this.keys.length; i += 1) {
        object += `${i === 0 ? '' : ','}${this.keys[i]}:${JSON.stringify(row[i] ?? null)}`;
      }
      object += '}';
      if (array) {
        text += `${this.first ? '\n' : ',\n'}${object}`;
        this.first = false;
      } else {
        text += `${object}\n`;
      }
    }
    this.sink.write(text);
  }

  end(_rowCount: number): void {
    if (this.format === 'json') this.sink.write(this.first ? ']\n' : '\n]\n');
  }

  status(_status: StatementStatus): void {}
}
