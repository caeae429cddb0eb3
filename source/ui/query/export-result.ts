// Exports a statement's whole result to a CSV/TSV/JSON/NDJSON file, streamed chunk by chunk with
// backpressure (the same writers as the non-interactive output), so any size fits in memory.
import fs from 'node:fs';
import path from 'node:path';
import type { Session } from '../../adapters/adapter.js';
import { defaultNullText, type FormatName } from '../../noninteractive/output/format-options.js';
import { OutputSink } from '../../noninteractive/output/output-sink.js';
import { createResultWriter } from '../../noninteractive/output/result-writer.js';
import type { Outcome } from './outcome.js';

const formatsByExtension: Record<string, FormatName> = { '.csv': 'csv', '.tsv': 'tsv', '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson' };

export function exportFormat(file: string): FormatName | null {
  return formatsByExtension[path.extname(file).toLowerCase()] ?? null;
}

export async function exportResult(session: Session, statement: string, file: string, signal: AbortSignal): Promise<Outcome> {
  const format = exportFormat(file);
  const command = `\\export ${file}`;
  if (format === null) return { kind: 'error', message: `Cannot tell the format of ${file}.`, hint: 'End the file name with .csv, .tsv, .json or .ndjson.', statement: command, position: null };
  const started = performance.now();
  const target = path.resolve(file);
  const stream = fs.createWriteStream(target, { flags: 'wx', mode: 0o600 });
  const opened = new Promise<void>((resolve, reject) => { stream.once('open', () => resolve()); stream.once('error', reject); });
  try {
    await opened;
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && error.code === 'EEXIST' ? 'it already exists (choose another name)' : error instanceof Error ? error.message : String(error);
    return { kind: 'error', message: `Cannot write ${target}: ${reason}.`, hint: null, statement: command, position: null };
  }
  const sink = new OutputSink(stream);
  const writer = await createResultWriter(sink, { format, header: true, nullText: defaultNullText(format), color: false });
  let count = 0;
  try {
    const rows = await session.stream(statement, { signal, chunkSize: 1000 });
    try {
      writer.begin(rows.columns);
      for await (const chunk of rows) {
        writer.rows(chunk);
        count += chunk.length;
        await sink.drainIfFull();
      }
      writer.end(count);
      await sink.flush();
    } finally {
      await rows.close();
    }
  } catch (error) {
    stream.destroy();
    return { kind: 'error', message: `Export stopped after ${count} rows: ${error instanceof Error ? error.message : String(error)}`, hint: null, statement: command, position: null };
  }
  await new Promise<void>((resolve) => stream.end(resolve));
  return { kind: 'done', summary: `exported ${count} ${count === 1 ? 'row' : 'rows'} to ${target} (${format})`, elapsedMs: performance.now() - started, statement: command };
}
