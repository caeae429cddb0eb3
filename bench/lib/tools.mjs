// The peer tools the suite compares against: whether each is installed, its version, and the
// Debian package that provides it. The suite never installs anything; it says what is missing.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { firstLineOf } from './run-process.mjs';
import { CLI_PATH } from './environment.mjs';

export const APT_COMMAND = 'apt-get install -y postgresql-client mariadb-client sqlite3 pgcli mycli litecli hyperfine';

const PEERS = {
  psql: { pkg: 'postgresql-client', version: ['--version'] },
  mariadb: { pkg: 'mariadb-client', version: ['--version'] },
  sqlite3: { pkg: 'sqlite3', version: ['--version'] },
  pgcli: { pkg: 'pgcli', version: ['--version'] },
  mycli: { pkg: 'mycli', version: ['--version'] },
  litecli: { pkg: 'litecli', version: ['--version'] },
};

export function which(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const full = join(dir, command);
    if (dir && existsSync(full)) return full;
  }
  return null;
}

/** 'skipped: …' reason for a missing peer, or null when present. */
export function missingPeer(command) {
  if (which(command)) return null;
  const pkg = PEERS[command]?.pkg ?? command;
  return `${command} not installed (apt-get install -y ${pkg})`;
}

export function missingCli() {
  return existsSync(CLI_PATH) ? null : `dsnsh CLI not found at ${CLI_PATH} (run npm run build, or set DSNSH_CLI)`;
}

export async function toolVersions() {
  const versions = { node: process.version };
  for (const [command, { version }] of Object.entries(PEERS)) {
    versions[command] = which(command) ? await firstLineOf(command, version) : 'missing';
  }
  versions.dsnsh = existsSync(CLI_PATH) ? await firstLineOf(process.execPath, [CLI_PATH, '--version']) : 'missing';
  versions.gnuTime = existsSync('/usr/bin/time') ? await firstLineOf('/usr/bin/time', ['--version']) : 'missing (apt-get install -y time)';
  return versions;
}
