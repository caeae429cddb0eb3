// A large result read through a server-side portal (pg-cursor), one chunk per request, so memory
// holds one chunk at a time whatever the result size. The consumer's pace drives the reads.
import Cursor from 'pg-cursor';
import type { ClientBase, FieldDef } from 'pg';
import type { PostgresDsn } from '../../dsn/types.js';
import type { Column, Row, RowStream, Value } from '../adapter.js';
import { backendOf, sendCancelRequest } from './pg-cancel.js';
import { cancelledError, toAdapterError } from './pg-error-mapping.js';
import { unlessGone, untilReady } from './pg-client-state.js';
import type { TypeNames } from './pg-type-names.js';
import { serverTextTypes } from './pg-value-types.js';

export interface CursorStreamOptions {
  dsn: PostgresDsn;
  client: ClientBase;
  sql: string;
  params?: Value[];
  chunkSize: number;
  signal?: AbortSignal;
  typeNames: TypeNames;
  /** Values as the server's text (RunOptions.serverText) */
  serverText?: boolean;
  /** Called once when the stream is done with the connection (`broken` = do not reuse it). */
  onClose: (broken: boolean) => void;
}

export async function openCursorStream(options: CursorStreamOptions): Promise<RowStream> {
  const { dsn, client, signal, chunkSize } = options;
  if (signal?.aborted) {
    options.onClose(false);
    throw cancelledError(dsn);
  }
  const cursor = new Cursor<Row>(options.sql, options.params ?? [], {
    rowMode: 'array',
    ...(options.serverText ? { types: serverTextTypes } : {}),
  });
  client.query(cursor);
  let cancelDelivered: Promise<void> | null = null;
  const onAbort = () => {
    cancelDelivered ??= sendCancelRequest(dsn, backendOf(client));
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  let finished = false;
  let closing: Promise<void> | null = null;
  const close = (broken = false): Promise<void> => {
    closing ??= (async () => {
      signal?.removeEventListener('abort', onAbort);
      if (cancelDelivered) await cancelDelivered;
      let closeFailed = false;
      if (!finished) {
        // A connection closed under the stream (adapter closed, server gone) never confirms.
        const request = cursor.close();
        request.catch(() => {
          closeFailed = true;
        });
        if (await unlessGone(client, request)) closeFailed = true;
      }
      options.onClose(broken || closeFailed);
    })();
    return closing;
  };

  const readChunk = async (): Promise<Row[]> => {
    try {
      const rows = await cursor.read(chunkSize);
      if (rows.length < chunkSize) finished = true;
      return rows;
    } catch (error) {
      finished = true;
      await untilReady(client);
      const mapped = toAdapterError(error, { dsn, aborted: signal?.aborted === true });
      await close(mapped.kind === 'connect');
      throw mapped;
    }
  };

  // The first chunk is read now: it carries the column descriptions the stream exposes.
  const first = await readChunk();
  const fields = (cursor as unknown as { _result?: { fields?: FieldDef[] } })._result?.fields ?? [];
  // The connection is busy with the cursor, so names not yet known stay empty rather than waiting.
  const types = options.typeNames.knownNames(fields.map((field) => field.dataTypeID));
  const columns: Column[] = fields.map((field, i) => ({ name: field.name, type: types[i] ?? '' }));

  async function* chunks(): AsyncGenerator<Row[]> {
    try {
      if (first.length > 0) yield first;
      while (!finished) {
        const rows = await readChunk();
        if (rows.length > 0) yield rows;
      }
    } finally {
      await close();
    }
  }

  return {
    columns,
    [Symbol.asyncIterator]: () => chunks(),
    close: () => close(),
  };
}
