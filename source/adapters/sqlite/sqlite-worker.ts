// Entry of the SQLite worker: a child process holding the one database connection.
// Why a process and not a worker thread: better-sqlite3 cannot interrupt a running statement,
// and a worker thread stuck inside SQLite's C code ignores terminate() until the statement ends
// (measured: 53 s for a long recursive query, and process exit waited just as long). A child
// process can be killed at once, so cancel is immediate and never blocks the console.
import { chmodSync, rmSync } from 'node:fs';
import { encodeChunk } from './chunk-encoding.js';
import { watchParent } from './parent-watchdog.js';
import { loadDriver } from './load-driver.js';
import { failureInfo, WorkerDatabase, WorkerFailure } from './worker-database.js';
import type { WorkerEnvelope, WorkerReply, WorkerRequest } from './worker-protocol.js';

let database: WorkerDatabase | null = null;
let ownedTempDir: string | null = null;
let closing = false;

function requireDatabase(): WorkerDatabase {
  if (!database) throw new WorkerFailure({ code: null, message: 'The database is not open.' });
  return database;
}

async function perform(request: WorkerRequest): Promise<unknown> {
  switch (request.op) {
    case 'open': {
      const driver = await loadDriver();
      ownedTempDir = request.config.ownedTempDir;
      watchParent(ownedTempDir);
      const opened = WorkerDatabase.open(driver, request.config);
      database = opened.database;
      if (ownedTempDir) chmodSync(request.config.path, 0o600);
      return opened.version;
    }
    case 'run':
      return requireDatabase().run(request.sql, request.params);
    case 'script':
      return requireDatabase().script(request.sql, request.params);
    case 'stream-open':
      return requireDatabase().streamOpen(request.sql, request.params, request.encoding);
    case 'stream-next':
      return encodeChunk(requireDatabase().streamNext(request.streamId, request.chunkSize));
    case 'stream-tail':
      return encodeChunk(requireDatabase().streamTail(request.streamId, request.keep, request.limit));
    case 'stream-close':
      requireDatabase().streamClose(request.streamId);
      return null;
    case 'close':
      closing = true;
      database?.close();
      database = null;
      return null;
  }
}

function send(reply: WorkerReply, after?: () => void): void {
  process.send?.(reply, undefined, undefined, () => after?.());
}

process.on('message', (message: WorkerEnvelope) => {
  void perform(message).then(
    (value) =>
      send(
        { id: message.id, ok: true, value, inTransaction: database?.inTransaction ?? false },
        message.op === 'close' ? () => process.exit(0) : undefined,
      ),
    (error: unknown) => send({ id: message.id, ok: false, error: failureInfo(error), inTransaction: database?.inTransaction ?? false }),
  );
});

// Ctrl+C and a closing terminal signal the whole process group. This process ends only when the
// parent says so (close, or SIGKILL for a cancel) or disappears (below), so its file is cleaned up.
process.on('SIGINT', () => undefined);
process.on('SIGHUP', () => undefined);

// The parent vanished without closing (killed, crashed): close cleanly and remove the memory
// backend's private file, which nobody else can reach any more.
process.on('disconnect', () => {
  if (closing) return;
  try {
    database?.close();
  } finally {
    if (ownedTempDir) rmSync(ownedTempDir, { recursive: true, force: true });
    process.exit(0);
  }
});
