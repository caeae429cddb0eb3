// Messages between the main thread and delimited-rows-worker.ts.

export interface FormatRequest {
  id: number;
  /** A JSON array of positional rows, as UTF-8 (transferred, not copied) */
  json: Uint8Array;
}

export type FormatReply =
  | { id: number; text: Uint8Array; rows: number }
  | { id: number; error: string };
