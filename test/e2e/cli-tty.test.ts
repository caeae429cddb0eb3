// On a terminal, -c prints an aligned table (the default format there) without opening the
// console; NO_COLOR and TERM=dumb turn styling off; values cannot drive the terminal.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node-pty';
import { CLI_PATH } from '../helpers/cli-path.js';
import { childEnv } from '../helpers/pty.js';

function runInPty(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; output: string }> {
  const fullEnv = childEnv({ NO_COLOR: undefined, DSN: undefined, ...env });
  // node-pty sets TERM from `name`, so the terminal name carries TERM=dumb.
  const pty = spawn(process.execPath, [CLI_PATH, ...args], { name: fullEnv.TERM ?? 'xterm-256color', cols: 80, rows: 24, env: fullEnv });
  let output = '';
  pty.onData((data) => {
    output += data;
  });
  return new Promise((resolve) => pty.onExit(({ exitCode }) => resolve({ code: exitCode, output })));
}

const SQL = "select 1 as id, 'it' as name, null as missing";

describe('on a terminal', () => {
  it('-c prints a table, with bold header and dim NULL', async () => {
    const { code, output } = await runInPty(['memory', '-c', SQL]);
    expect(code).toBe(0);
    expect(output).toContain('\u001b[1mid\u001b[0m');
    expect(output).toContain('\u001b[2mNULL\u001b[0m');
    expect(output).toContain('(1 row)');
    // The console (alternate screen, prompt) never opened.
    expect(output).not.toContain('\u001b[?1049h');
  });

  it.each([[{ NO_COLOR: '1' }], [{ TERM: 'dumb' }]])('%j: no escape sequences at all', async (env) => {
    const { code, output } = await runInPty(['memory', '-c', SQL], env);
    expect(code).toBe(0);
    expect(output).not.toContain('\u001b');
    expect(output.replaceAll('\r\n', '\n')).toBe('id | name | missing\n---+------+--------\n 1 | it   | NULL\n(1 row)\n\n');
  });

  it('an escape sequence inside a value is shown, not executed', async () => {
    const { output } = await runInPty(['memory', '-c', "select 'a' || char(27) || ']0;pwned' || char(7) || 'b' as v"], { NO_COLOR: '1' });
    expect(output).toContain('a\\x1b]0;pwned\\x07b');
    expect(output).not.toContain('\u001b]0;');
  });

  it('--format csv on a terminal is still csv', async () => {
    const { output } = await runInPty(['memory', '-c', SQL, '--format', 'csv']);
    expect(output.replaceAll('\r\n', '\n')).toBe('id,name,missing\n1,it,\n');
  });
});
