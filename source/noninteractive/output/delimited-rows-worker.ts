// Worker thread for a large CSV/TSV export: turns chunks of JSON rows (rendered by the database,
// see RowStream.jsonChunks) into output lines, so the main thread only reads rows and writes.
// Formatting is the writer's own (DelimitedWriter), so the bytes are those of the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { parseJsonRows } from '../../adapters/json-rows.js';
import { DelimitedWriter } from './delimited-writer.js';
import type { FormatOptions } from './format-options.js';
import type { FormatRequest, FormatReply } from './delimited-rows-protocol.js';

const parts: string[] = [];
const collector = { write: (text: string) => void parts.push(text) };
const options = workerData as FormatOptions;
const writer = new DelimitedWriter(collector, { ...options, header: false });

const encoder = new TextEncoder();
const decoder = new TextDecoder();

parentPort?.on('message', ({ id, json }: FormatRequest) => {
  let reply: FormatReply;
  try {
    const rows = parseJsonRows(decoder.decode(json));
    writer.rows(rows);
    reply = { id, text: encoder.encode(parts.join('')), rows: rows.length };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parts.length = 0;
  // The bytes move to the main thread; nothing is copied.
  parentPort?.postMessage(reply, 'text' in reply ? [reply.text.buffer as ArrayBuffer] : []);
});
