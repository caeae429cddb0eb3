// Panels rendered with ink-testing-library (inside act, as TOOLING.md requires).
import { render } from 'ink-testing-library';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { Header } from '../../../source/ui/panels/header.js';
import { MigrationPanel, migrationLine } from '../../../source/ui/panels/migration-panel.js';
import { PoolPanel } from '../../../source/ui/panels/pool-panel.js';
import { PromptView } from '../../../source/ui/panels/prompt-view.js';
import { emptyPrompt } from '../../../source/ui/state/prompt-buffer.js';
import type { ResolvedTarget } from '../../../source/profiles/target.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const target: ResolvedTarget = {
  dsn: 'postgres://u:secret@db/app',
  redacted: 'postgres://u:***@db/app',
  profileName: 'prod',
  source: 'positional',
  settings: {},
};

async function frameOf(node: React.ReactElement): Promise<string> {
  let frame = '';
  await act(async () => {
    const instance = render(node);
    frame = instance.lastFrame() ?? '';
    instance.unmount();
  });
  return frame;
}

describe('panels', () => {
  it('header shows profile, backend, redacted target, transaction and connection state', async () => {
    const frame = await frameOf(
      <Header
        target={target}
        backend="postgres"
        serverVersion="PostgreSQL 15.2"
        transaction="in-transaction"
        connection="connected"
        readOnly
        width={100}
      />,
    );
    expect(frame).toContain('prod · postgres · READ-ONLY · postgres://u:***@db/app');
    expect(frame).toContain('in transaction');
    expect(frame).toContain('connected');
    expect(frame).not.toContain('secret');
  });

  it('pool panel says in place what cannot be read', async () => {
    const pool = {
      open: 2,
      idle: 1,
      inUse: 1,
      waiting: 0,
      maxConns: 4,
      maxIdleConns: 2,
      maxConnLifetimeMs: 3_600_000,
      maxConnIdleTimeMs: 0,
    };
    const facts = {
      ok: true as const,
      value: {
        version: '15',
        product: 'PostgreSQL',
        appSessions: { ok: true as const, value: 2 },
        totalSessions: { ok: false as const, reason: 'permission denied' },
        maxConnections: { ok: true as const, value: 100 },
        tls: { ok: false as const, reason: 'n/a' },
        details: {},
      },
    };
    const frame = await frameOf(<PoolPanel pool={pool} facts={facts} />);
    expect(frame).toContain('open 2/4');
    expect(frame).toContain('lifetime 1h');
    expect(frame).toContain('all not available');
    expect(frame).toContain('max 100');
    // This console's sessions are its pool's open connections, whatever the server counts by name.
    expect(frame).toContain('this console 2 · all not available');
    const waiting = await frameOf(<PoolPanel pool={pool} facts={facts} locks="locks: 1 session waits: 7 (hydra) for 5 (kratos), 2.0s" />);
    expect(waiting).toContain('▌locks: 1 session waits: 7 (hydra) for 5 (kratos), 2.0s · server sessions: this console 2');
  });

  it('marks figures kept from before a failed read as stale', async () => {
    const facts = {
      ok: true as const,
      staleBecause: 'connection refused',
      value: {
        version: '15',
        product: 'PostgreSQL',
        appSessions: { ok: true as const, value: 2 },
        totalSessions: { ok: true as const, value: 3 },
        maxConnections: { ok: true as const, value: 100 },
        tls: { ok: false as const, reason: 'n/a' },
        details: {},
      },
    };
    const frame = await frameOf(<PoolPanel pool={undefined} facts={facts} />);
    expect(frame).toContain('max 100 (stale: connection refused)');
  });

  it('migration panel summarises and reports failures', async () => {
    expect(migrationLine(undefined)).toBe('migrations …');
    expect(migrationLine({ ok: false, reason: 'no permission' })).toContain('not available: no permission');
    const summary = {
      dialect: 'postgres',
      tool: 'ory',
      table: 'schema_migration',
      appliedCount: 12,
      pendingCount: 1,
      unknownCount: 0,
      latest: { version: '20240101000000', name: 'add_users', appliedAt: null },
      failed: false,
      failure: null,
      legacyLayout: false,
      otherTools: [],
      dir: '/m',
      warnings: [],
      problem: null,
    } as const;
    const frame = await frameOf(<MigrationPanel reading={{ ok: true, value: { ...summary, otherTools: [], warnings: [] } }} />);
    expect(frame).toContain('migrations (ory) applied 12 · pending 1 · unknown 0 · latest 20240101000000 add_users');
  });

  it('prompt scrolls a long line so the cursor stays visible', async () => {
    const text = `select ${'x'.repeat(100)} from t`;
    const buffer = { ...emptyPrompt(), text, cursor: text.length };
    const frame = await frameOf(<PromptView dialect="postgres" buffer={buffer} search={null} width={40} maxLines={4} active />);
    expect(frame.startsWith('sql> ')).toBe(true);
    expect(frame).toContain('x from t');
    expect(frame.length).toBeLessThanOrEqual(40);
  });

  it('prompt shows continuation lines and the cursor', async () => {
    const buffer = { ...emptyPrompt(), text: 'select 1\nfrom t', cursor: 3 };
    const frame = await frameOf(<PromptView dialect="postgres" buffer={buffer} search={null} width={40} maxLines={4} active />);
    expect(frame.split('\n')).toEqual(['sql> select 1', ' ..> from t']);
  });
});
