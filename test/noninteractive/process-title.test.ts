// `ps` shows a DSN argument with its password as ***: process.title rewrites what
// /proc/PID/cmdline holds. Checked on a real process held while connecting to a server that
// accepts and never answers.
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { redactArgument } from '../../source/noninteractive/process-title.js';
import { CLI_PATH } from '../helpers/cli-path.js';
import { baseEnv } from './run-cli.js';

describe('redactArgument', () => {
  it.each([
    ['postgres://app:Zq8v?Lm=x@db:5432/app', 'postgres://app:***@db:5432/app'],
    ['mysql://app:p@ss:w/rd@tcp(db:3306)/x?parseTime=true', 'mysql://app:***@tcp(db:3306)/x?parseTime=true'],
    ['--dsn=cockroach://root:pw@db:26257/defaultdb', '--dsn=cockroach://root:***@db:26257/defaultdb'],
    ['postgres://app@db/app', 'postgres://app@db/app'],
    ['sqlite:///var/lib/db.sqlite?_fk=true', 'sqlite:///var/lib/db.sqlite?_fk=true'],
    ['select 1', 'select 1'],
  ])('%s', (arg, shown) => {
    expect(redactArgument(arg)).toBe(shown);
  });
});

describe.skipIf(process.platform !== 'linux')('the process title', () => {
  it('ps and /proc/PID/cmdline show the DSN without its password', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const secret = 'S3cretPw9x';
    const child = spawn(
      process.execPath,
      [CLI_PATH, `postgres://app:${secret}@127.0.0.1:${port}/app?sslmode=disable&connect_timeout=20`, '-c', 'select 1'],
      { env: baseEnv(), stdio: 'ignore' },
    );
    try {
      let cmdline = '';
      for (let attempt = 0; attempt < 100; attempt += 1) {
        cmdline = fs.readFileSync(`/proc/${child.pid}/cmdline`, 'utf8');
        if (cmdline.startsWith('dsnsh ')) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const ps = execFileSync('ps', ['-o', 'args=', '-p', String(child.pid)], { encoding: 'utf8' });
      for (const shown of [cmdline, ps]) {
        expect(shown).not.toContain(secret);
        expect(shown).toContain(`postgres://app:***@127.0.0.1:${port}/app`);
      }
    } finally {
      child.kill();
      silent.close();
    }
  });
});
