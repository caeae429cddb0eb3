// Messages between the main thread and delimited-rows-worker.ts.

export interface FormatRequest {
  id: number;
  /** A JSON array of positional rows, as UTF-8 (transferred, not copied) */
  json: Uint8Array;
}

export type FormatReply =
  /** `ends`: where each row ends in the decoded text (UTF-16 offsets, see row-marks.ts) */
  { id: number; text: Uint8Array; rows: number; ends: Int32Array } | { id: number; error: string };
