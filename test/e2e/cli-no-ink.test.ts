// The non-interactive paths never load Ink or React (nor drivers they do not use): the built CLI
// runs under a module-loading hook that records every ES module file it loads, and the console's
// script (the console module in script form, read by source/ui/load-console.ts); the recorded
// files must not contain Ink's or React's code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MYSQL_DSN, PG_DSN, availability } from '../helpers/servers.js';
import { spawn } from 'node-pty';
import { CLI_PATH } from '../helpers/cli-path.js';
import { childEnv } from '../helpers/pty.js';
import { runCli } from '../noninteractive/run-cli.js';

const INK_MARKER = 'Raw mode is not supported';
const REACT_MARKER = 'react.transitional.element';
const PG_MARKER = 'Client has already been connected';
const MYSQL_MARKER = "Can't add new command when connection is in closed state";

let dir: string;
let hook: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-no-ink-'));
  const loader = `
    import fs from 'node:fs';
    export async function load(url, context, next) {
      if (url.startsWith('file:')) fs.appendFileSync(process.env.DSNSH_TEST_LOADED, url + '\\n');
      return next(url, context);
    }`;
  // The console's script is read with fs.readFileSync, before the bundle's first ESM import of
  // node:fs binds that function: the wrapper records it too.
  const scriptReads = `
    const fs = createRequire(import.meta.url)('node:fs');
    const readFileSync = fs.readFileSync;
    fs.readFileSync = function (file, ...rest) {
      const url = String(file instanceof URL ? file.href : file);
      if (url.endsWith('console-script.js')) fs.appendFileSync(process.env.DSNSH_TEST_LOADED, (url.startsWith('file:') ? url : pathToFileURL(url).href) + '\\n');
      return readFileSync.call(this, file, ...rest);
    };`;
  hook = path.join(dir, 'hook.mjs');
  fs.writeFileSync(
    hook,
    `import { createRequire, register } from 'node:module';\nimport { pathToFileURL } from 'node:url';\nregister(${JSON.stringify(`data:text/javascript,${encodeURIComponent(loader)}`)});\n${scriptReads}\n`,
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function loadedCode(args: string[], input = ''): Promise<{ files: string[]; code: string }> {
  const record = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  const result = await runCli(args, { input, nodeArgs: ['--import', hook], env: { DSNSH_TEST_LOADED: record, XDG_CONFIG_HOME: dir } });
  expect(result.stderr).toBe('');
  const files = fs
    .readFileSync(record, 'utf8')
    .trim()
    .split('\n')
    .map((url) => fileURLToPath(url));
  return { files, code: files.map((file) => fs.readFileSync(file, 'utf8')).join('\n') };
}

describe('module loading', () => {
  it('the hook does see Ink and React when the console opens on a terminal (so this test can fail)', async () => {
    const record = path.join(dir, 'loaded-console.txt');
    const env = childEnv({ DSNSH_TEST_LOADED: record, XDG_CONFIG_HOME: dir, DSN: undefined, HOME: dir });
    const pty = spawn(process.execPath, ['--import', hook, CLI_PATH, 'memory'], { name: 'xterm-256color', cols: 80, rows: 24, env });
    const exited = new Promise<void>((resolve) => pty.onExit(() => resolve()));
    const loaded = () => (fs.existsSync(record) ? fs.readFileSync(record, 'utf8') : '');
    const code = () =>
      loaded()
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((url) => fs.readFileSync(fileURLToPath(url), 'utf8'))
        .join('\n');
    try {
      for (let attempt = 0; attempt < 200 && !code().includes(INK_MARKER); attempt += 1)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(code()).toContain(INK_MARKER);
      expect(code()).toContain(REACT_MARKER);
      // The built console loads from its cached script, not from the module it was made of.
      const files = loaded()
        .trim()
        .split('\n')
        .map((url) => path.basename(fileURLToPath(url)));
      const consoleFiles = files.filter((file) => file === 'console-script.js' || file.startsWith('start-console-'));
      expect(consoleFiles).toEqual(['console-script.js']);
    } finally {
      pty.kill();
      await exited;
    }
  });

  it.each([
    [['memory', '-c', 'select 1']],
    [['memory', '--format', 'json'], 'select 1;'],
    [['profile', 'list']],
    [['dsn', 'explain', 'postgres://u:p@h/db']],
    [['doctor', 'memory']],
    [['--help']],
  ])('%j loads neither Ink, React, pg nor mysql2', async (args, input?: string) => {
    const { files, code } = await loadedCode(args as string[], input);
    expect(files.length).toBeGreaterThan(1);
    expect(code).not.toContain(INK_MARKER);
    expect(code).not.toContain(REACT_MARKER);
    expect(code).not.toContain(PG_MARKER);
    expect(code).not.toContain(MYSQL_MARKER);
  });

  it.skipIf(!availability().postgres)('a postgres session loads pg but not Ink', async () => {
    const { code } = await loadedCode([PG_DSN, '-c', 'select 1']);
    expect(code).toContain(PG_MARKER);
    expect(code).not.toContain(INK_MARKER);
    expect(code).not.toContain(MYSQL_MARKER);
  });

  it.skipIf(!availability().mysql)('a mysql session loads mysql2 but neither pg nor Ink (so the marker can be seen)', async () => {
    const { code } = await loadedCode([MYSQL_DSN, '-c', 'select 1']);
    expect(code).toContain(MYSQL_MARKER);
    expect(code).not.toContain(PG_MARKER);
    expect(code).not.toContain(INK_MARKER);
  });
});
