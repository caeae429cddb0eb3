// `dsnsh migrate status|up|down`: resolves the target, opens its adapter, and hands over to the
// status or apply half. Every expected failure is a message and an exit code, never a stack trace.
import type { Adapter } from '../adapters/adapter.js';
import { openSessionTarget, readOnlyFor } from '../session/open-session-target.js';
import { parseTarget } from '../profiles/resolve-target.js';
import { resolveChoice } from './open-target.js';
import type { ResolvedTarget } from '../profiles/target.js';
import { EXIT } from '../session/exit-codes.js';
import { runApply } from './migrate-apply.js';
import { MIGRATE_USAGE, parseMigrateArgs } from './migrate-args.js';
import { runStatus } from './migrate-status.js';
import { fail, printWarning } from '../session/report-error.js';

export async function run(argv: string[]): Promise<number> {
  const parsed = parseMigrateArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`dsnsh: error: ${parsed.error}\nhint: see \`dsnsh migrate --help\`\n`);
    return EXIT.usage;
  }
  if ('help' in parsed) {
    process.stdout.write(`${MIGRATE_USAGE}\n`);
    return EXIT.ok;
  }
  const { args } = parsed;

  let target: ResolvedTarget;
  let dsn;
  try {
    target = await resolveChoice({ positional: args.target, dsnOption: args.dsn, pid: args.pid, configFiles: args.configFiles });
    dsn = parseTarget(target);
  } catch (error) {
    return fail(error);
  }
  for (const warning of dsn.warnings) printWarning(warning);
  const dirs =
    args.migrations.length > 0 ? args.migrations : target.settings.migrationsDir !== undefined ? [target.settings.migrationsDir] : [];
  if (args.action !== 'status' && dirs.length === 0) {
    process.stderr.write(
      `dsnsh: error: migrate ${args.action} needs the migrations folder\nhint: pass --migrations DIR (or save it in the profile)\n`,
    );
    return EXIT.usage;
  }
  if (args.block && dirs.length === 0) {
    process.stderr.write(
      'dsnsh: error: migrate status --block needs the migrations folder to know what is pending\nhint: pass --migrations DIR (or save it in the profile)\n',
    );
    return EXIT.usage;
  }
  // Read-only is enforced, not advisory: refuse before connecting, so nothing can change.
  if (args.action !== 'status' && readOnlyFor(target, args.readOnly)) {
    const why = args.readOnly ? '--read-only was given' : `profile "${target.profileName ?? ''}" is read-only`;
    process.stderr.write(
      `dsnsh: error: migrate ${args.action} changes the database, but the target is read-only (${why}); nothing was changed\nhint: use a profile or DSN that may be written to, without --read-only\n`,
    );
    return EXIT.usage;
  }

  let adapter: Adapter;
  try {
    // SQLite in this process: Ctrl+C in a migration statement ends the process and SQLite rolls it back.
    adapter = (await openSessionTarget(target, { use: 'command', readOnly: false })).adapter;
  } catch (error) {
    return fail(error, 'connect');
  }
  try {
    if (args.action === 'status')
      return await runStatus(adapter, { dirs, format: args.format, block: args.block, timeoutMs: args.timeoutMs });
    return await runApply(adapter, {
      direction: args.action,
      dirs,
      steps: args.steps,
      yes: args.yes,
      format: args.format,
      redactedTarget: target.redacted,
    });
  } catch (error) {
    return fail(error, 'statement');
  } finally {
    await adapter.close().catch(() => undefined);
  }
}
