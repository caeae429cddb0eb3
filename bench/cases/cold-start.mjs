// Case 1: cold start with a trivial query, non-interactive, against the Node floor and peer clients.
import { CLI_PATH, DSNSH_TARGETS, MYSQL, PG, SQLITE_FILE } from '../lib/environment.mjs';
import { failureOf, interleave } from '../lib/interleave.mjs';
import { runMeasured } from '../lib/run-process.mjs';
import { fasterThan, ratioAtMost } from '../lib/targets.mjs';
import { missingCli, missingPeer } from '../lib/tools.mjs';

const QUERY = 'select 1';

function contender(label, command, args, skip) {
  return {
    label,
    skip,
    run: async () => {
      const result = await runMeasured(command, args, { timeoutMs: 30_000 });
      return { ms: result.ms, rssKb: result.rssKb, failed: failureOf(result) };
    },
  };
}

export async function coldStart({ reps, progress, dataMissing }) {
  const node = process.execPath;
  const dsnsh = (backend) =>
    contender(
      `dsnsh ${backend}`,
      node,
      [CLI_PATH, DSNSH_TARGETS[backend], '-c', QUERY, '--format', 'csv'],
      missingCli() ?? (backend === 'sqlite' ? dataMissing.sqlite : null),
    );
  const contenders = [
    contender('node -e 0', node, ['-e', '0']),
    dsnsh('memory'),
    dsnsh('sqlite'),
    dsnsh('postgres'),
    dsnsh('mysql'),
    contender('sqlite3 :memory:', 'sqlite3', [':memory:', QUERY], missingPeer('sqlite3')),
    contender('sqlite3 file', 'sqlite3', [SQLITE_FILE, QUERY], missingPeer('sqlite3') ?? dataMissing.sqlite),
    contender(
      'psql -c',
      'psql',
      ['-X', '-h', PG.host, '-p', String(PG.port), '-U', PG.user, '-d', PG.database, '-c', QUERY],
      missingPeer('psql'),
    ),
    contender(
      'mariadb -e',
      'mariadb',
      ['-h', MYSQL.host, '-P', String(MYSQL.port), '-u', MYSQL.user, MYSQL.database, '-e', QUERY],
      missingPeer('mariadb'),
    ),
    contender('litecli -e', 'litecli', ['-e', QUERY, SQLITE_FILE], missingPeer('litecli') ?? dataMissing.sqlite),
    contender(
      'mycli -e',
      'mycli',
      ['-h', MYSQL.host, '-P', String(MYSQL.port), '-u', MYSQL.user, '-e', QUERY, MYSQL.database],
      missingPeer('mycli'),
    ),
  ];
  const results = await interleave(contenders, reps, progress);
  return {
    id: 1,
    title: `Cold start, \`${QUERY}\`, non-interactive`,
    results,
    comparisons: [
      ['dsnsh memory', 'node -e 0'],
      ['dsnsh memory', 'sqlite3 :memory:'],
      ['dsnsh memory', 'litecli -e'],
      ['dsnsh memory', 'mycli -e'],
      ['dsnsh sqlite', 'sqlite3 file'],
      ['dsnsh sqlite', 'litecli -e'],
      ['dsnsh postgres', 'psql -c'],
      ['dsnsh mysql', 'mariadb -e'],
      ['dsnsh mysql', 'mycli -e'],
    ],
    targets: [
      ratioAtMost(results, 'dsnsh memory', 'node -e 0', 2.5, 'cold start on memory ≤ 2.5x `node -e 0`'),
      fasterThan(results, 'dsnsh memory', 'litecli -e', 'cold start on memory faster than litecli'),
      fasterThan(results, 'dsnsh memory', 'mycli -e', 'cold start on memory faster than mycli'),
    ],
  };
}
