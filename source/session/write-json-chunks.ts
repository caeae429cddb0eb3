// A CSV/TSV result that arrives as JSON text chunks (RowStream.jsonChunks): the first chunk is
// formatted here, so a small result starts no thread; later chunks are formatted on a worker
// thread while this one reads on. Output order and bytes are those of the plain path.
import type { JsonChunk } from '../adapters/adapter.js';
import { parseJsonRows } from '../adapters/json-rows.js';
import type { FormatOptions } from '../output/format-options.js';
import { OffThreadRows, type FormattedRows } from '../output/off-thread-rows.js';
import type { OutputSink } from '../output/output-sink.js';
import type { ResultWriter } from '../output/result-writer.js';

/** Chunks handed to the thread and not yet written: bounds memory, keeps both threads busy. */
const MAX_AHEAD = 4;

export interface JsonChunkTarget {
  writer: ResultWriter;
  sink: OutputSink;
  format: FormatOptions;
  /** Checked between chunks; throws to stop */
  checkCancelled(): void;
  /** Rows written so far, after each write */
  onRows(count: number): void;
}

export async function writeJsonChunks(chunks: AsyncIterable<JsonChunk>, target: JsonChunkTarget): Promise<void> {
  const { writer, sink } = target;
  let formatter: OffThreadRows | null = null;
  const ahead: Promise<FormattedRows>[] = [];
  const writeFormatted = async (formatted: FormattedRows) => {
    sink.write(formatted.text);
    await sink.flush();
    target.onRows(formatted.rows);
  };
  try {
    for await (const chunk of chunks) {
      if (formatter === null) {
        writer.rows(parseJsonRows(chunk.json));
        await sink.flush();
        target.onRows(chunk.rows);
        formatter = new OffThreadRows(target.format);
      } else {
        ahead.push(formatter.format(chunk.json));
        if (ahead.length >= MAX_AHEAD) await writeFormatted(await ahead.shift()!);
      }
      target.checkCancelled();
    }
    for (let next = ahead.shift(); next; next = ahead.shift()) await writeFormatted(await next);
  } finally {
    // A failure or cancel leaves formats in flight: never reported as unhandled.
    for (const pending of ahead) pending.catch(() => undefined);
    await formatter?.close();
  }
}
