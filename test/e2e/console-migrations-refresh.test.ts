// The migration panel's list (focused with F6) follows its summary: a migration applied from
// elsewhere while the list is shown appears in it, not only in the one-line summary.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli-path.js';
import { privateConsoles } from '../helpers/private-console.js';
import { runCli } from '../noninteractive/run-cli.js';

const consoles = privateConsoles('dsnsh-ui-migrations-refresh-');
const FIXTURES = path.join(PROJECT_ROOT, 'test/fixtures/ory/kratos');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-ui-migrations-refresh-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('the focused migration list refreshes when its summary does', async () => {
  const dsn = `sqlite://${path.join(dir, 'kratos.db')}`;
  expect((await runCli(['migrate', 'up', dsn, '--migrations', FIXTURES, '--yes'])).code).toBe(0);
  const session = consoles.start({ args: [dsn], columns: 160, rows: 40 });
  await session.waitFor('connected');
  session.write('\x1b[17~'); // F6: results
  session.write('\x1b[17~'); // F6: migrations
  await session.waitFor('latest applied 20240101000000000003');
  // Applied from elsewhere (another process, as a migration job would).
  const inserted = await runCli([dsn, '-c', "INSERT INTO schema_migration (version) VALUES ('20990101000000000000')"]);
  expect(inserted.stderr).toBe('');
  // The summary line first, then the list under it (without a folder: the latest applied).
  await session.waitFor(/applied 5 · .* latest 20990101000000000000/);
  await session.waitFor('latest applied 20990101000000000000');
  session.write('\x04');
  expect(await session.exited).toBe(0);
});
