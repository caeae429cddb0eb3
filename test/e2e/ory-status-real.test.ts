// `dsnsh ory status` on schemas built from the services' real migration folders (when a checkout
// of Ory's repositories is at DSNSH_ORY_SOURCES, default /work/ext; skipped without it, and never
// needed in CI: ory-status.test.ts covers the same with fixtures). Shows that the cleanup criteria
// name real tables and columns: every COUNT runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../noninteractive/run-cli.js';

const SOURCES = process.env.DSNSH_ORY_SOURCES ?? '/work/ext';
const FOLDERS: Record<string, string[]> = {
  kratos: ['kratos/persistence/sql/migrations/sql', 'x/networkx/migrations/sql'],
  hydra: ['hydra/persistence/sql/migrations'],
  keto: ['keto/internal/persistence/sql/migrations/sql', 'x/networkx/migrations/sql'],
};

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-ory-real-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

for (const [service, folders] of Object.entries(FOLDERS)) {
  const paths = folders.map((folder) => path.join(SOURCES, folder));
  describe.skipIf(!paths.every((folder) => fs.existsSync(folder)))(`${service}'s own migrations`, () => {
    it('recognised, and every cleanup criterion counts on the real tables', async () => {
      const dsn = `sqlite://${path.join(dir, `${service}.db`)}`;
      // Stops before the first Go migration (only the service runs those): enough for these tables.
      await runCli(['migrate', 'up', dsn, ...paths.flatMap((folder) => ['--migrations', folder]), '--yes']);
      await runCli([
        dsn,
        '-c',
        "INSERT INTO networks (id, created_at, updated_at) SELECT 'dsnsh-test', '2000-01-01 00:00:00+00:00', '2000-01-01 00:00:00+00:00' WHERE NOT EXISTS (SELECT 1 FROM networks)",
      ]);
      const result = await runCli(['ory', 'status', dsn, '--json']);
      expect(result.stderr).toBe('');
      const report = JSON.parse(result.stdout);
      expect(report.services).toEqual([service]);
      expect(report.migrations.applied).toBeGreaterThan(10);
      for (const item of report.cleanup) expect({ table: item.table, matching: item.matching }).toEqual({ table: item.table, matching: 0 });
      if (service !== 'keto') expect(report.cleanup.length).toBeGreaterThan(3);
    }, 120_000);
  });
}
