// The view of a `kubectl debug --target` container: dsnsh runs in the service's PID namespace,
// where the service is pid 1. Stood in for with unshare (a new PID namespace with its own /proc,
// the stand-in service as its pid 1) and nsenter (dsnsh joins it). Skipped only where the kernel
// or the container forbids new namespaces.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli-path.js';
import { findProgram, startStandIn, type StandIn } from '../helpers/stand-in-service.js';
import { baseEnv, runCli } from '../noninteractive/run-cli.js';

function namespacesWork(): boolean {
  try {
    execFileSync(findProgram('unshare'), ['--pid', '--fork', '--mount-proc', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const available = namespacesWork();
let dir: string;
let kratos: StandIn;

beforeAll(async () => {
  if (!available) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-ory-ns-'));
  const db = `sqlite://${path.join(dir, 'kratos.db')}`;
  await runCli([db, '-c', "create table which (name text); insert into which values ('pid-1')"]);
  fs.writeFileSync(path.join(dir, 'kratos.yml'), 'dsn: memory\n');
  kratos = await startStandIn({
    name: 'kratos',
    args: ['serve', '-c', path.join(dir, 'kratos.yml'), '--watch-courier'],
    env: { DSN: db, HOME: '/home/ory' },
    pidNamespace: true,
  });
});
afterAll(async () => {
  await kratos?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** dsnsh inside the stand-in's PID and mount namespaces (so its /proc is the namespace's). */
function inNamespace(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      findProgram('nsenter'),
      ['--target', String(kratos.pid), '--pid', '--mount', '--', process.execPath, CLI_PATH, ...args],
      { env: baseEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(!available)("in the service's PID namespace (kubectl debug --target)", () => {
  it("dsnsh --pid 1 uses the service's DSN", async () => {
    const result = await inNamespace(['--pid', '1', '-c', 'select name from which', '--format', 'csv', '--no-header']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('pid-1\n');
  });

  it('with no DSN anywhere, doctor names the process that has one', async () => {
    const result = await inNamespace(['doctor']);
    expect(result.stdout).toMatch(/target\s+memory \(profile "memory", built-in memory \(no DSN given\)\)/);
    expect(result.stdout).toMatch(/hint\s+processes with a DSN are visible: kratos serve \(pid 1\); use dsnsh doctor --pid 1/);
    const json = JSON.parse((await inNamespace(['doctor', '--json'])).stdout);
    expect(json.target.candidates).toEqual([{ pid: 1, label: 'kratos serve', via: 'environment' }]);
  });

  it('with no DSN and no SQL (kubectl debug without -it), the hint names it too', async () => {
    const result = await inNamespace([]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('dsnsh: no DSN given; processes with a DSN are visible: kratos serve (pid 1); use dsnsh --pid 1\n');
  });
});
