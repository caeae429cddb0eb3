// Case 2: every row of the 1,000,000-row table as CSV on stdout (to /dev/null), against the
// servers' own clients. The warm-up run pipes the output and counts lines, so a tool that fails
// half-way cannot look fast; timed runs write to /dev/null like `> /dev/null` would.
import { fileURLToPath } from 'node:url';
import { CLI_PATH, DSNSH_TARGETS, MYSQL, PG, ROWS, SELECT_ALL, SQLITE_FILE, TABLE } from '../lib/environment.mjs';
import { failureOf, interleave } from '../lib/interleave.mjs';
import { runMeasured } from '../lib/run-process.mjs';
import { below, peakRssMb, ratioAtMost } from '../lib/targets.mjs';
import { missingCli, missingPeer } from '../lib/tools.mjs';

function contender(label, command, args, skip) {
  return {
    label,
    skip,
    run: async (warmup) => {
      const result = await runMeasured(command, args, { countLines: warmup, timeoutMs: 300_000 });
      return { ms: result.ms, rssKb: result.rssKb, failed: failureOf(result, { expectLines: ROWS }) };
    },
  };
}

export async function csvExport({ reps, progress, dataMissing }) {
  const node = process.execPath;
  const pgArgs = ['-X', '-h', PG.host, '-p', String(PG.port), '-U', PG.user, '-d', PG.database];
  const dsnsh = (backend) =>
    contender(
      `dsnsh ${backend} csv`,
      node,
      [CLI_PATH, DSNSH_TARGETS[backend], '-c', SELECT_ALL, '--format', 'csv'],
      missingCli() ?? dataMissing[backend],
    );
  const floor = (backend, label) =>
    contender(label, node, [fileURLToPath(new URL('../workers/csv-raw.mjs', import.meta.url)), backend], dataMissing[backend]);
  const contenders = [
    dsnsh('postgres'),
    contender('psql --csv', 'psql', [...pgArgs, '--csv', '-c', SELECT_ALL], missingPeer('psql') ?? dataMissing.postgres),
    contender(
      'psql \\copy',
      'psql',
      [...pgArgs, '-c', `\\copy (select * from ${TABLE}) to stdout csv`],
      missingPeer('psql') ?? dataMissing.postgres,
    ),
    floor('postgres', 'node pg → csv'),
    dsnsh('mysql'),
    contender(
      'mariadb --batch --quick',
      'mariadb',
      ['-h', MYSQL.host, '-P', String(MYSQL.port), '-u', MYSQL.user, '--batch', '--quick', '-e', SELECT_ALL, MYSQL.database],
      missingPeer('mariadb') ?? dataMissing.mysql,
    ),
    floor('mysql', 'node mysql2 → csv'),
    dsnsh('sqlite'),
    contender('sqlite3 -csv', 'sqlite3', ['-csv', SQLITE_FILE, SELECT_ALL], missingPeer('sqlite3') ?? dataMissing.sqlite),
    floor('sqlite', 'node better-sqlite3 → csv'),
  ];
  const results = await interleave(contenders, reps, progress);
  const rssTarget = (backend) => below(peakRssMb(results, `dsnsh ${backend} csv`), 120, `CSV export peak RSS < 120 MB (${backend})`, 'MB');
  return {
    id: 2,
    title: `${ROWS.toLocaleString('en')} rows to CSV on stdout`,
    results,
    comparisons: [
      ['dsnsh postgres csv', 'psql --csv'],
      ['dsnsh postgres csv', 'psql \\copy'],
      ['dsnsh postgres csv', 'node pg → csv'],
      ['dsnsh mysql csv', 'mariadb --batch --quick'],
      ['dsnsh mysql csv', 'node mysql2 → csv'],
      ['dsnsh sqlite csv', 'sqlite3 -csv'],
      ['dsnsh sqlite csv', 'node better-sqlite3 → csv'],
    ],
    notes: [
      '"node … → csv" (workers/csv-raw.mjs) is the floor for a JS exporter: the raw driver, values as text, a minimal CSV quoter, 64 KB writes; no adapter, no result writer.',
    ],
    targets: [
      ratioAtMost(results, 'dsnsh postgres csv', 'psql --csv', 1.5, 'CSV export ≤ 1.5x psql --csv (PostgreSQL)'),
      ratioAtMost(results, 'dsnsh mysql csv', 'mariadb --batch --quick', 2, 'CSV export ≤ 2x mariadb --batch --quick (MariaDB)'),
      ratioAtMost(results, 'dsnsh sqlite csv', 'sqlite3 -csv', 2.5, 'CSV export ≤ 2.5x sqlite3 -csv (SQLite)'),
      rssTarget('postgres'),
      rssTarget('mysql'),
      rssTarget('sqlite'),
    ],
  };
}
