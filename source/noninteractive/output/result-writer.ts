// One writer per output format. The runner calls begin → rows* → end for each statement that
// returns rows, status for one that does not, and awaits the sink between chunks.
import type { Column, Row } from '../../adapters/adapter.js';
import type { FormatOptions } from './format-options.js';
import type { OutputSink } from './output-sink.js';
import { DelimitedWriter } from './delimited-writer.js';
import { JsonWriter } from './json-writer.js';

export interface StatementStatus {
  command: string | null;
  affectedRows: number | null;
}

export interface ResultWriter {
  begin(columns: Column[]): void;
  rows(rows: Row[]): void;
  end(rowCount: number): void;
  status(status: StatementStatus): void;
}

/** Async because the table writer is loaded on demand: string-width's Unicode tables and
 * Intl.Segmenter cost tens of milliseconds at start-up, which csv/tsv/json output never needs. */
export async function createResultWriter(sink: OutputSink, options: FormatOptions): Promise<ResultWriter> {
  switch (options.format) {
    case 'table': {
      const { TableWriter } = await import('./table-writer.js');
      return new TableWriter(sink, options);
    }
    case 'csv':
    case 'tsv':
      return new DelimitedWriter(sink, options);
    case 'json':
    case 'ndjson':
      return new JsonWriter(sink, options.format);
  }
}
