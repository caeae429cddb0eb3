// Runs the built CLI as a child process: argv, stdin text and env in; exit code, stdout, stderr out.
import { spawn } from 'node:child_process';
import { CLI_PATH } from '../helpers/cli-path.js';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  /** replace the environment instead of extending it */
  cleanEnv?: boolean;
  nodeArgs?: string[];
  cwd?: string;
  cli?: string;
  /** a file descriptor for the child's stdout (a file, /dev/full) instead of a pipe */
  stdoutFd?: number;
}

/** An environment without the developer's DSN, profiles or CI flags. */
export function baseEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DSN;
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  delete env.NO_COLOR;
  return { ...env, ...extra };
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.cli ?? CLI_PATH, ...args], {
      env: options.cleanEnv ? options.env : baseEnv(options.env),
      cwd: options.cwd,
      stdio: ['pipe', options.stdoutFd ?? 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(options.input ?? '');
  });
}
