// `dsnsh migrate status|up|down [TARGET] [--dsn DSN] [--migrations DIR] [--format table|json] [--steps N] [--yes]`
import { parseArgs } from 'node:util';

export type MigrateAction = 'status' | 'up' | 'down';

export interface MigrateArgs {
  action: MigrateAction;
  target: string | undefined;
  dsn: string | undefined;
  migrations: string | undefined;
  format: 'table' | 'json';
  steps: number | undefined;
  yes: boolean;
}

export type ParsedMigrateArgs = { ok: true; args: MigrateArgs } | { ok: true; help: true } | { ok: false; error: string };

export const MIGRATE_USAGE = `usage: dsnsh migrate status|up|down [DSN|PROFILE] [options]

  status   which migrations of the folder are applied (Version | Name | Status); without a
           folder: the migration table alone (tool, applied count, latest version)
  up       apply the pending migrations, oldest first
  down     roll back the latest applied migrations with their down files (default 1)

options:
  --migrations DIR       folder of Ory-style migration files (default: the profile's folder)
  --dsn DSN              target DSN (else the DSN environment variable, the default profile, memory)
  --format table|json    output format (default table)
  --steps N              down: how many to roll back (default 1); up: at most N
  --yes, -y              apply without asking (required when stdin is not a terminal)

exit codes: 0 ok, 1 a migration failed, 2 usage/DSN/folder error, 3 connection error`;

const ACTIONS: readonly string[] = ['status', 'up', 'down'];

export function parseMigrateArgs(argv: string[]): ParsedMigrateArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        dsn: { type: 'string' },
        migrations: { type: 'string', short: 'm' },
        format: { type: 'string' },
        steps: { type: 'string' },
        yes: { type: 'boolean', short: 'y' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '') : String(error);
    return { ok: false, error: message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, help: true };
  const [action, target, ...extra] = positionals;
  if (action === undefined) return { ok: false, error: 'migrate needs an action: status, up or down' };
  if (!ACTIONS.includes(action)) return { ok: false, error: `unknown migrate action "${action}": use status, up or down` };
  if (extra.length > 0) return { ok: false, error: `unexpected argument "${extra[0]}": give at most one DSN or profile` };
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') return { ok: false, error: `--format must be table or json, not "${format}"` };
  let steps: number | undefined;
  if (values.steps !== undefined) {
    if (!/^[1-9]\d*$/.test(values.steps)) return { ok: false, error: `--steps must be a whole number of at least 1, not "${values.steps}"` };
    if (action === 'status') return { ok: false, error: '--steps applies to up and down, not status' };
    steps = Number(values.steps);
  }
  return {
    ok: true,
    args: { action: action as MigrateAction, target, dsn: values.dsn, migrations: values.migrations, format, steps, yes: values.yes ?? false },
  };
}
