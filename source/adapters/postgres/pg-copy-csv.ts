// Server-side CSV: `COPY (query) TO STDOUT` streamed into the caller's sink without buffering
// the result. The sink is not ended, so a caller may write more (or keep stdout open).
import { pipeline } from 'node:stream/promises';
import * as copyStreams from 'pg-copy-streams';
import type { ClientBase } from 'pg';

export interface CopyCsvOptions {
  header?: boolean;
  nullText?: string;
}

/** A SQL string literal (standard_conforming_strings on, the default since PostgreSQL 9.1). */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export function copyStatement(sql: string, options: CopyCsvOptions): string {
  const query = sql.replace(/[\s;]+$/, '').trim();
  const header = options.header ? 'true' : 'false';
  return `COPY (${query}) TO STDOUT WITH (FORMAT csv, HEADER ${header}, NULL ${literal(options.nullText ?? '')})`;
}

export async function copyCsv(client: ClientBase, sql: string, sink: NodeJS.WritableStream, options: CopyCsvOptions): Promise<{ rows: number }> {
  const source = client.query(copyStreams.to(copyStatement(sql, options)));
  await pipeline(source, sink, { end: false });
  return { rows: source.rowCount };
}
