// What each console shows when it is ready for input, and how it is started in a pty.
// dsnsh's prompt marker can be overridden with BENCH_DSNSH_PROMPT (a regular expression) if the
// console's prompt text changes.
import { CLI_PATH, DSNSH_TARGETS, MYSQL, PG, SQLITE_FILE } from './environment.mjs';
import { missingCli, missingPeer } from './tools.mjs';

export const DSNSH_PROMPT = new RegExp(process.env.BENCH_DSNSH_PROMPT ?? '^sql>', 'm');

export function dsnshConsole(backend) {
  return {
    label: `dsnsh ${backend}`,
    command: process.execPath,
    args: [CLI_PATH, DSNSH_TARGETS[backend]],
    ready: DSNSH_PROMPT,
    /** The header's connection state once the adapter is open */
    connected: /\bconnected\b/,
    skip: missingCli(),
    dsnsh: true,
  };
}

export function peerConsoles() {
  return [
    {
      label: 'psql',
      command: 'psql',
      args: ['-X', '-h', PG.host, '-p', String(PG.port), '-U', PG.user, '-d', PG.database],
      ready: new RegExp(`${PG.database}=#\\s*$`, 'm'),
      skip: missingPeer('psql'),
    },
    {
      label: 'pgcli',
      command: 'pgcli',
      args: ['-h', PG.host, '-p', String(PG.port), '-U', PG.user, '-d', PG.database],
      ready: new RegExp(`${PG.user}@[^:]+:${PG.database}>`),
      skip: missingPeer('pgcli'),
    },
    {
      label: 'mycli',
      command: 'mycli',
      args: ['-h', MYSQL.host, '-P', String(MYSQL.port), '-u', MYSQL.user, MYSQL.database],
      ready: new RegExp(`${MYSQL.user}@[^:]+:${MYSQL.database}>`),
      skip: missingPeer('mycli'),
    },
    { label: 'litecli', command: 'litecli', args: [SQLITE_FILE], ready: /dsnsh_bench\.sqlite>/, skip: missingPeer('litecli') },
  ];
}
