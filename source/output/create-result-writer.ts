// The writer for an output format (see result-writer.ts for the calls it answers).
import type { FormatOptions } from './format-options.js';
import type { OutputSink } from './output-sink.js';
import type { ResultWriter } from './result-writer.js';
import { DelimitedWriter } from './delimited-writer.js';
import { JsonWriter } from './json-writer.js';

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
      return new JsonWriter(sink, options.format, options.terminal === true);
  }
}
