// Exports a statement's whole result to a CSV/TSV/JSON/NDJSON file, streamed chunk by chunk with
// backpressure (the same writers as the non-interactive output), so any size fits in memory.
import fs from 'node:fs';
import path from 'node:path';
import type { Session } from '../../adapters/adapter.js';
import { defaultNullText, type FormatName } from '../../output/format-options.js';
import { OutputSink, OutputWriteError } from '../../output/output-sink.js';
import { createResultWriter } from '../../output/create-result-writer.js';
import type { Outcome } from './outcome.js';
import type { Column, Row } from '../../adapters/adapter.js';

const formatsByExtension: Record<string, FormatName> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
};

export function exportFormat(file: string): FormatName | null {
  return formatsByExtension[path.extname(file).toLowerCase()] ?? null;
}

/** Where the rows come from: the rows a result block holds, or a read-only statement run again */
export type ExportRows =
  { kind: 'held'; columns: Column[]; rows: Row[]; partial: boolean } | { kind: 'rerun'; session: Session; statement: string };

/**
 * `\export` of the result the console holds: writes those rows; nothing runs again. `partial`:
 * the result was not read to its end (and is not run again), said in the summary.
 */
export function exportHeld(columns: Column[], rows: Row[], file: string, exported: string, partial = false): Promise<Outcome> {
  return exportTo({ kind: 'held', columns, rows, partial }, file, new AbortController().signal, exported);
}

export function exportResult(session: Session, statement: string, file: string, signal: AbortSignal): Promise<Outcome> {
  return exportTo({ kind: 'rerun', session, statement }, file, signal, statement);
}

async function exportTo(from: ExportRows, file: string, signal: AbortSignal, exported: string): Promise<Outcome> {
  const format = exportFormat(file);
  const command = `\\export ${file}`;
  if (format === null)
    return {
      kind: 'error',
      message: `Cannot tell the format of ${file}.`,
      hint: 'End the file name with .csv, .tsv, .json or .ndjson.',
      statement: command,
      position: null,
    };
  const started = performance.now();
  const target = path.resolve(file);
  let fd: number;
  try {
    fd = fs.openSync(target, 'wx', 0o600);
  } catch (error) {
    const reason =
      error instanceof Error && 'code' in error && error.code === 'EEXIST'
        ? 'it already exists (choose another name)'
        : error instanceof Error
          ? error.message
          : String(error);
    return { kind: 'error', message: `Cannot write ${target}: ${reason}.`, hint: null, statement: command, position: null };
  }
  // Written through the descriptor: a disk that fills up mid-chunk shows as a short write, and
  // the sink counts only the whole rows that reached the file.
  const stream = fs.createWriteStream('', { fd, autoClose: false });
  const sink = new OutputSink(stream, fd);
  const writer = await createResultWriter(sink, { format, header: true, nullText: defaultNullText(format), color: false });
  let count = 0;
  try {
    if (from.kind === 'held') {
      writer.begin(from.columns);
      for (let index = 0; index < from.rows.length; index += 1000) {
        const chunk = from.rows.slice(index, index + 1000);
        writer.rows(chunk);
        count += chunk.length;
        await sink.drainIfFull();
      }
      writer.end(count);
      await sink.flush();
    } else {
      const rows = await from.session.stream(from.statement, { signal, chunkSize: 1000 });
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
    }
  } catch (error) {
    closeQuietly(fd);
    const reason =
      error instanceof OutputWriteError ? `${error.code}: ${error.reason}` : error instanceof Error ? error.message : String(error);
    const rows = sink.rowsWritten;
    const cutOff = writer.cutOffNote?.() ?? null;
    // The count and what it means first: the error view shows one line of the message.
    return {
      kind: 'error',
      message: `Export stopped (${reason}): ${rows} ${rows === 1 ? 'row' : 'rows'} reached the file, which is partial${cutOff ? `; ${cutOff}` : ''}`,
      hint: `${target} holds only those rows: remove it, or export again where there is room.`,
      statement: command,
      position: null,
    };
  }
  try {
    // The last write is checked too: close reports what the system could not write.
    fs.closeSync(fd);
  } catch (error) {
    return {
      kind: 'error',
      message: `Export to ${target} failed when closing the file: ${error instanceof Error ? error.message : String(error)}; the file may be partial.`,
      hint: null,
      statement: command,
      position: null,
    };
  }
  count = sink.rowsWritten;
  // A partial file is said first: the summary line is cut at the screen's width.
  const partial =
    from.kind === 'held' && from.partial
      ? ' (partial: reading was stopped after these; the statement changes data and is not run again)'
      : '';
  const source = from.kind === 'rerun' ? ', run again' : ', the rows on screen';
  return {
    kind: 'done',
    summary: `exported ${count} ${count === 1 ? 'row' : 'rows'}${partial} of ${oneLine(exported)} to ${target} (${format})${partial ? '' : source}`,
    elapsedMs: performance.now() - started,
    statement: command,
  };
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    /* the export already failed; that error is the one to say */
  }
}

export function oneLine(statement: string): string {
  const text = statement.replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
