// How a chunk of rows crosses the IPC channel from the worker process: as one JSON text, sent as
// UTF-8 bytes. Structured cloning a thousand small arrays costs about three times a JSON
// stringify + parse; and the channel's serializer copies a string of JSON several times more
// slowly than the bytes of it (callgrind, 1,000 rows of 4 columns: ~2,000 instructions a row for
// the string, a few hundred for encoding it). Rows SQLite rendered as JSON itself arrive as text
// already (json-rows-query.ts); other rows are stringified here when JSON keeps every value exact:
// normalised values are strings, numbers, booleans and null, which JSON keeps exactly (lone
// surrogates are escaped and restored), except the numbers JSON cannot spell: Infinity,
// -Infinity and -0. A chunk holding one of those goes structured instead.
import type { Row } from '../adapter.js';
import { parseJsonRows } from '../json-rows.js';
import type { WorkerChunk } from './worker-protocol.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function jsonKeepsExact(rows: Row[]): boolean {
  for (const row of rows) {
    for (const value of row) {
      if (typeof value === 'number' && (!Number.isFinite(value) || (value === 0 && 1 / value < 0))) return false;
    }
  }
  return true;
}

/** In the worker process, before sending. */
export function encodeChunk(chunk: WorkerChunk): WorkerChunk {
  const { skipped } = chunk;
  if (chunk.json !== undefined)
    return {
      rows: [],
      done: chunk.done,
      jsonBytes: encoder.encode(chunk.json),
      rowCount: chunk.rowCount,
      skipped,
      bySqlite: chunk.bySqlite,
    };
  if (chunk.rows.length === 0 || !jsonKeepsExact(chunk.rows)) return chunk;
  return { rows: [], done: chunk.done, jsonBytes: encoder.encode(JSON.stringify(chunk.rows)), rowCount: chunk.rows.length, skipped };
}

/** The chunk's JSON text, if it came as JSON. */
export function chunkJson(chunk: WorkerChunk): string | undefined {
  if (chunk.jsonBytes !== undefined) return decoder.decode(chunk.jsonBytes);
  return chunk.json;
}

/** In the parent, on receipt. */
export function decodeChunkRows(chunk: WorkerChunk): Row[] {
  const json = chunkJson(chunk);
  if (json === undefined) return chunk.rows;
  return chunk.bySqlite ? parseJsonRows(json) : (JSON.parse(json) as Row[]);
}
