// Pastes arrive byte for byte: a TAB inside a pasted string stays a TAB (the prompt shows it as a
// space). Real pty, real servers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'vitest';
import { startCli, type PtySession } from '../helpers/pty.js';
import { availability, MYSQL_DSN, PG_DSN } from '../helpers/servers.js';

let session: PtySession | null = null;
const folders: string[] = [];
afterEach(() => {
  session?.kill();
  session = null;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const backends = [
  { name: 'PostgreSQL', args: [PG_DSN], skip: !availability().postgres },
  { name: 'MariaDB', args: [MYSQL_DSN], skip: !availability().mysql },
  { name: 'SQLite memory', args: [], skip: false },
];

describe.each(backends)('a pasted TAB on $name', ({ args, skip }) => {
  it.skipIf(skip)('reaches the server as a TAB, bracketed or not', async () => {
    const home = mkdtempSync(join(tmpdir(), 'dsnsh-results-paste-'));
    folders.push(home);
    session = startCli({
      args,
      columns: 120,
      env: {
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'config'),
        XDG_STATE_HOME: join(home, 'state'),
        DSN: undefined,
        DSNSH_CONFIG_DIR: undefined,
      },
    });
    await session.waitFor('connected');
    session.write("\x1b[200~select length('a\tb') as len_bracketed;\r\x1b[201~");
    await session.waitFor(/len_bracketed\s*\n[─]+\s*\n\s*3\b/);
    session.write("select length('c\td') as len_burst;\r");
    await session.waitFor(/len_burst\s*\n[─]+\s*\n\s*3\b/);
  });
});
