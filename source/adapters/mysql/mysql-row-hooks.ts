// Where a stream takes rows out of mysql2 before its per-row machinery. Each hook leans on a
// mysql2 internal and, when that internal is not there, leaves mysql2 as it is: rows then come
// the ordinary way (the 'result' event, mysql2's parser and the normaliser), only slower.
import type { Connection, Query } from 'mysql2';
import type { FastRowParser, RowPacket } from './mysql-row-parser.js';

// The private fields read here are those of mysql2 3.24.6, the exact version the build accepts
// (scripts/pinned-versions.mjs; package.json pins it too).

/**
 * Rows each fast path has taken since the process started: test/adapters/mysql-fast-path.test.ts
 * checks that a stream's rows really go this way (with the hooks switched off every row still
 * arrives, only slower, so nothing else would notice). One increment per row.
 */
export const fastPathRows = { shortcut: 0, parser: 0 };

/**
 * mysql2 emits one 'result' event per row; EventEmitter's dispatch was ~5% of a million-row
 * export's CPU. Rows go straight to `onRow`; every other event is emitted as usual.
 */
export function interceptRows(query: Query, onRow: (row: unknown, index: number) => void): void {
  const emit = query.emit;
  query.emit = function emitExceptRows(this: Query, event: string | symbol, row?: unknown, index?: unknown): boolean {
    if (event === 'result') {
      onRow(row, index as number);
      return true;
    }
    // Not rest parameters: those would allocate an array for every row too.
    // eslint-disable-next-line prefer-rest-params
    return Reflect.apply(emit, this, arguments) as boolean;
  } as Query['emit'];
}

/** The row the fast parser made last: mysql2 emits each row right after parsing it. */
export interface FastRowMark {
  row: unknown;
}

interface QueryInternals {
  _resultIndex?: number;
  /** The state function the command runs for its next packet */
  next?: unknown;
}

/**
 * Lets `fast` parse the rows of the first result set in place of mysql2's generated parser
 * (mysql2 keeps it in `_rowParser`, set after the 'fields' event). A row not marked as ours in
 * `mark` (a later result set, or a mysql2 that no longer reads `_rowParser`) still goes
 * through the normaliser.
 */
export function interceptRowParser(query: Query, fast: () => FastRowParser | null, mark: FastRowMark): void {
  let active: unknown = null;
  Object.defineProperty(query, '_rowParser', {
    configurable: true,
    get: () => active,
    set(driverParser: unknown) {
      const ours = (query as unknown as QueryInternals)._resultIndex === 0 ? fast() : null;
      active = ours
        ? {
            next: (packet: RowPacket) => {
              const row = ours.parse(packet);
              mark.row = row;
              fastPathRows.parser += 1;
              return row;
            },
          }
        : driverParser;
    },
  });
}

interface ConnectionInternals {
  packetParser?: { onPacket?: (packet: RowPacket & { sequenceId: number; numPackets: number }) => void };
  _command?: unknown;
  _paused?: boolean;
  _fatalError?: unknown;
  sequenceId?: number;
  config?: { debug?: unknown };
}

/**
 * A row packet of the first result set goes from mysql2's packet framing straight to
 * `fast` and `onRow`, skipping handlePacket → Command.execute → Query.row → emit for each row
 * (~10% of a million-row export's CPU). Only a plain row packet in the query's row state takes
 * this path: EOF, error and large packets, packets out of sequence, a paused connection (mysql2
 * queues what arrives then) or any other state go to mysql2 unchanged. Returns the undo.
 */
export function shortcutRowPackets(
  connection: Connection,
  query: Query,
  fast: () => FastRowParser | null,
  mark: FastRowMark,
  onRow: (row: unknown, index: number) => void,
): () => void {
  const raw = connection as unknown as ConnectionInternals;
  const parser = raw.packetParser;
  const original = parser?.onPacket;
  const rowState = (Object.getPrototypeOf(query) as { row?: unknown }).row;
  const state = query as unknown as QueryInternals;
  if (
    !parser ||
    typeof original !== 'function' ||
    typeof rowState !== 'function' ||
    typeof raw.sequenceId !== 'number' ||
    raw.config?.debug
  ) {
    return () => {};
  }
  const shortcut = (packet: RowPacket & { sequenceId: number; numPackets: number }): void => {
    const parse = fast();
    if (
      parse !== null &&
      state.next === rowState &&
      state._resultIndex === 0 &&
      raw._command === query &&
      !raw._paused &&
      !raw._fatalError &&
      packet.numPackets === 1 &&
      packet.sequenceId === raw.sequenceId &&
      // 0xfe: EOF (or a row starting with an 8-byte length, left to mysql2); 0xff: error
      packet.buffer[packet.offset]! < 0xfe
    ) {
      let row: unknown;
      try {
        row = parse.parse(packet);
      } catch {
        // A packet we cannot read: mysql2 reads it again and reports the failure its own way.
        original.call(parser, packet);
        return;
      }
      raw.sequenceId = (packet.sequenceId + 1) % 256;
      mark.row = row;
      fastPathRows.shortcut += 1;
      onRow(row, 0);
      return;
    }
    original.call(parser, packet);
  };
  parser.onPacket = shortcut;
  return () => {
    if (parser.onPacket === shortcut) parser.onPacket = original;
  };
}
