// Worker thread for a large CSV/TSV export: turns chunks of JSON rows (rendered by the database,
// see RowStream.jsonChunks) into output lines, so the main thread only reads rows and writes.
// Formatting is the writer's own (DelimitedWriter), so the bytes are those of the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { parseJsonRows } from '../adapters/json-rows.js';
import { DelimitedWriter } from './delimited-writer.js';
import type { FormatOptions } from './format-options.js';
import type { FormatRequest, FormatReply } from './delimited-rows-protocol.js';
import type { TextSink } from './output-sink.js';
import { RowEnds } from './row-marks.js';

const parts: string[] = [];
let length = 0;
let ends: number[] = [];
const collector: TextSink = {
  write(text, rows) {
    // Row ends travel with the text, so a write that stops part-way can count whole rows.
    if (rows instanceof RowEnds) for (let i = 0; i < rows.ends.length; i += 1) ends.push(length + rows.ends[i]!);
    parts.push(text);
    length += text.length;
  },
};
const options = workerData as FormatOptions;
const writer = new DelimitedWriter(collector, { ...options, header: false });

const encoder = new TextEncoder();
const decoder = new TextDecoder();

parentPort?.on('message', ({ id, json }: FormatRequest) => {
  let reply: FormatReply;
  try {
    const rows = parseJsonRows(decoder.decode(json));
    writer.rows(rows);
    reply = { id, text: encoder.encode(parts.join('')), rows: rows.length, ends: Int32Array.from(ends) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parts.length = 0;
  length = 0;
  ends = [];
  // The bytes move to the main thread; nothing is copied.
  parentPort?.postMessage(reply, 'text' in reply ? [reply.text.buffer as ArrayBuffer, reply.ends.buffer as ArrayBuffer] : []);
});
