// The one way a resolved target is opened (console, CLI, doctor, migrate, activity): its DSN
// parsed once and handed back with its warnings, SQLite in a worker for the console and in this
// process for a command, read-only decided here (file opened read-only, sessions read-only).
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { AdapterError } from '../../source/adapters/adapter-error.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn, redactDsn } from '../../source/dsn/parse-dsn.js';
import { parseTarget } from '../../source/profiles/resolve-target.js';
import type { ResolvedTarget } from '../../source/profiles/target.js';
import { openSessionTarget, openUserSession, readOnlyFor } from '../../source/session/open-session-target.js';
import { sqliteTestFolder } from '../adapters/sqlite-test-files.js';

const folder = sqliteTestFolder();
afterAll(() => folder.remove());

function targetOf(dsn: string): ResolvedTarget {
  return { dsn, redacted: redactDsn(dsn), profileName: null, source: 'positional', settings: {} };
}

describe('openSessionTarget', () => {
  it('parses the target once and hands back its DSN warnings with the adapter', async () => {
    const target = targetOf(`sqlite://${folder.file('warned.sqlite')}?mode=ro`);
    const opened = await openSessionTarget(target, { use: 'command', readOnly: false });
    try {
      expect(opened.dsn).toBe(parseTarget(target));
      expect(opened.warnings).toEqual(parseTarget(target).warnings);
      expect(opened.warnings).toEqual([expect.stringContaining('mode only applies to file: URIs')]);
      expect(opened.target).toBe(target);
    } finally {
      await opened.adapter.close();
    }
  });

  it('runs SQLite in a worker for the console (cancellable) and in this process for a command', async () => {
    const target = targetOf(`sqlite://${folder.file('where.sqlite')}`);
    for (const [use, cancellable] of [
      ['console', true],
      ['command', false],
    ] as const) {
      const { adapter } = await openSessionTarget(target, { use, readOnly: false });
      try {
        expect(adapter.capabilities.serverSideCancel).toBe(cancellable);
      } finally {
        await adapter.close();
      }
    }
  });

  it('read-only: the file is never created, and user sessions refuse writes', async () => {
    const missing = folder.file('missing.sqlite');
    await expect(openSessionTarget(targetOf(`sqlite://${missing}`), { use: 'console', readOnly: true })).rejects.toBeInstanceOf(
      AdapterError,
    );
    expect(existsSync(missing)).toBe(false);

    const file = folder.file('kept.sqlite');
    const setup = await openAdapter(parseDsn(`sqlite://${file}`));
    await setup.runScript('create table t (id int); insert into t values (1)');
    await setup.close();
    const warnings: string[] = [];
    const { adapter } = await openSessionTarget(targetOf(`sqlite://${file}?_journal_mode=WAL`), {
      use: 'command',
      readOnly: true,
      onWarning: (warning) => warnings.push(warning),
    });
    try {
      expect(warnings).toEqual([expect.stringMatching(/journal_mode = WAL .*not applied/)]);
      const session = await openUserSession(adapter, true);
      try {
        await expect(session.run('pragma query_only = 0')).rejects.toThrow(/Not run under read-only/);
        await expect(session.run('insert into t values (2)')).rejects.toBeInstanceOf(AdapterError);
        expect((await session.run('select count(*) from t')).rows).toEqual([[1]]);
      } finally {
        await session.release();
      }
    } finally {
      await adapter.close();
    }
  });

  it("opens the DSN a command adjusted (doctor --timeout) rather than the target's own", async () => {
    const target = targetOf(`sqlite://${folder.file('adjusted.sqlite')}`);
    const adjusted = parseDsn(`sqlite://${folder.file('other.sqlite')}`);
    const opened = await openSessionTarget(target, { use: 'command', readOnly: false, dsn: adjusted });
    try {
      expect(opened.dsn).toBe(adjusted);
      expect(existsSync(folder.file('other.sqlite'))).toBe(true);
      expect(existsSync(folder.file('adjusted.sqlite'))).toBe(false);
    } finally {
      await opened.adapter.close();
    }
  });

  it('is read-only when asked, or when the profile is saved read-only', () => {
    const plain = targetOf('memory');
    const saved: ResolvedTarget = { ...plain, profileName: 'ro', settings: { readOnly: true } };
    expect(readOnlyFor(plain, false)).toBe(false);
    expect(readOnlyFor(plain, true)).toBe(true);
    expect(readOnlyFor(saved, false)).toBe(true);
    expect(readOnlyFor({ ...plain, settings: { readOnly: false } }, false)).toBe(false);
  });
});
