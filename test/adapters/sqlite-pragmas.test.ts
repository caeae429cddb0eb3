// Every DSN pragma takes effect on the real connection (read back with PRAGMA), mode=ro opens
// read-only, _txlock decides what BEGIN locks, and foreign keys are on unless the DSN turns them
// off (pop adds _fk=true), in files and in memory.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDsn, rejection, scalar, sqliteTestFolder } from './sqlite-test-files.js';

const folder = sqliteTestFolder();
afterAll(() => folder.remove());

describe('sqlite pragmas from the DSN', () => {
  it('applies every pragma parameter', async () => {
    const file = folder.file('pragmas.sqlite');
    const db = await openDsn(
      `sqlite://${file}?_fk=true&_journal=WAL&_timeout=1234&_sync=NORMAL&_vacuum=full&_cslike=true&_defer_fk=true&_rt=true` +
        '&_ignore_check_constraints=true&_query_only=false&_writable_schema=true&_secure_delete=fast&_cache_size=-4000&_locking=EXCLUSIVE',
    );
    try {
      const expected: Record<string, unknown> = {
        foreign_keys: 1,
        journal_mode: 'wal',
        busy_timeout: 1234,
        synchronous: 1,
        auto_vacuum: 1,
        recursive_triggers: 1,
        ignore_check_constraints: 1,
        query_only: 0,
        writable_schema: 1,
        secure_delete: 2,
        cache_size: -4000,
        locking_mode: 'exclusive',
      };
      for (const [pragma, value] of Object.entries(expected)) {
        expect({ pragma, value: await scalar(db, `PRAGMA ${pragma}`) }).toEqual({ pragma, value });
      }
      // case_sensitive_like cannot be read back; its effect can.
      expect(await scalar(db, "SELECT 'a' LIKE 'A'")).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('applies _defer_fk (until the first statement ends a transaction, as under the Go driver)', async () => {
    // mattn/go-sqlite3 runs defer_foreign_keys before journal_mode, whose first switch to WAL
    // writes the file and so resets it; alone it holds until the first statement, which reads it.
    const db = await openDsn(`sqlite://${folder.file('defer.sqlite')}?_defer_fk=true`);
    try {
      expect(await scalar(db, 'PRAGMA defer_foreign_keys')).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('opens a DSN without _fk as the service does: foreign keys on, busy_timeout 5000, synchronous NORMAL', async () => {
    // pop adds _fk=true and _busy_timeout=5000; mattn/go-sqlite3 runs PRAGMA synchronous = NORMAL.
    const db = await openDsn(`sqlite://${folder.file('defaults.sqlite')}`);
    try {
      expect(await scalar(db, 'PRAGMA foreign_keys')).toBe(1);
      expect(await scalar(db, 'PRAGMA busy_timeout')).toBe(5000);
      expect(await scalar(db, 'PRAGMA synchronous')).toBe(1);
      expect(await scalar(db, "SELECT 'a' LIKE 'A'")).toBe(1);
      await db.runScript('CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER REFERENCES parent (id))');
      expect((await rejection(db.run('INSERT INTO child VALUES (42)'))).code).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    } finally {
      await db.close();
    }
  });

  it('turns foreign keys off only when the DSN says so', async () => {
    const db = await openDsn(`sqlite://${folder.file('fk-off.sqlite')}?_fk=false`);
    try {
      expect(await scalar(db, 'PRAGMA foreign_keys')).toBe(0);
    } finally {
      await db.close();
    }
  });

  it("ignores _pragma=name(value), as the release's driver (mattn/go-sqlite3) does", async () => {
    const db = await openDsn(`sqlite://${folder.file('explicit.sqlite')}?_fk=false&_pragma=foreign_keys(1)&_pragma=journal_mode(TRUNCATE)`);
    try {
      expect(await scalar(db, 'PRAGMA foreign_keys')).toBe(0);
      expect(await scalar(db, 'PRAGMA journal_mode')).toBe('delete');
    } finally {
      await db.close();
    }
  });

  it('makes _query_only writes fail with a clear error', async () => {
    const db = await openDsn(`sqlite://${folder.file('query-only.sqlite')}?_query_only=true`);
    try {
      const error = await rejection(db.run('CREATE TABLE t (a)'));
      expect(error.code).toBe('SQLITE_READONLY');
      expect(error.hint).toMatch(/read-only/);
    } finally {
      await db.close();
    }
  });
});

describe('sqlite mode=ro', () => {
  it('opens read-only: reads work, writes fail naming the cause', async () => {
    const file = folder.file('readonly.sqlite');
    const setup = new Database(file);
    setup.exec("CREATE TABLE t (a); INSERT INTO t VALUES ('kept')");
    setup.close();
    const db = await openDsn(`sqlite://file:${file}?mode=ro&_fk=true`);
    try {
      expect(await scalar(db, 'SELECT a FROM t')).toBe('kept');
      const error = await rejection(db.run("INSERT INTO t VALUES ('new')"));
      expect(error.kind).toBe('other');
      expect(error.message).toMatch(/readonly/);
      expect(error.hint).toMatch(/mode=ro/);
      expect((await db.serverFacts()).details.access).toBe('read-only');
    } finally {
      await db.close();
    }
  });

  it('does not create a missing file; the connect error names the path', async () => {
    const file = folder.file('missing.sqlite');
    const error = await rejection(openDsn(`sqlite://file:${file}?mode=ro`));
    expect(error.kind).toBe('connect');
    expect(error.message).toContain(file);
    expect(error.hint).toMatch(/must already exist/);
  });
});

describe('sqlite _txlock', () => {
  async function otherWriterBlocked(txlock: string): Promise<boolean> {
    const file = folder.file(`txlock-${txlock}.sqlite`);
    const db = await openDsn(`sqlite://${file}?_txlock=${txlock}`);
    const other = new Database(file, { timeout: 0 });
    const session = await db.session();
    try {
      await session.run('BEGIN');
      try {
        other.exec('BEGIN IMMEDIATE');
        other.exec('ROLLBACK');
        return false;
      } catch (error) {
        expect((error as { code?: string }).code).toBe('SQLITE_BUSY');
        return true;
      }
    } finally {
      other.close();
      await session.release();
      await db.close();
    }
  }

  it('BEGIN takes the write lock at once with immediate, not with deferred', async () => {
    expect(await otherWriterBlocked('immediate')).toBe(true);
    expect(await otherWriterBlocked('exclusive')).toBe(true);
    expect(await otherWriterBlocked('deferred')).toBe(false);
  });
});

describe('memory', () => {
  it('has foreign keys on and enforces them', async () => {
    const db = await openDsn('memory');
    try {
      expect(await scalar(db, 'PRAGMA foreign_keys')).toBe(1);
      await db.runScript('CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER REFERENCES parent (id))');
      const error = await rejection(db.run('INSERT INTO child VALUES (42)'));
      expect(error.kind).toBe('constraint');
      expect(error.code).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    } finally {
      await db.close();
    }
  });

  it('gives every adapter its own database', async () => {
    const first = await openDsn('memory');
    const second = await openDsn('memory');
    try {
      await first.run('CREATE TABLE only_here (a)');
      expect(await second.introspect.tables()).toEqual([]);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
