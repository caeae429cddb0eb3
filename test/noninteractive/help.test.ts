// `dsnsh --help` lists every option a session takes, --plain (the line-mode console) included.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { sessionHelp } from '../../source/noninteractive/help.js';
import { SESSION_OPTIONS } from '../../source/noninteractive/session-args.js';
import { CLI_PATH } from '../helpers/cli-path.js';

describe('dsnsh --help', () => {
  it.each([...Object.keys(SESSION_OPTIONS), 'plain'])('lists --%s', (name) => {
    expect(sessionHelp()).toMatch(new RegExp(`--${name}\\b`));
  });

  it('says what --plain does, in the built CLI', () => {
    const help = execFileSync(process.execPath, [CLI_PATH, '--help'], { encoding: 'utf8' });
    expect(help).toMatch(/^ +--plain +line-mode console, as TERM=dumb gives/m);
  });
});
