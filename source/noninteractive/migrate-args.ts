// `dsnsh migrate status|up|down [TARGET] [--dsn DSN] [--migrations DIR]... [--format table|json]
//  [--steps N] [--yes] [--read-only] [--block [--timeout DURATION]]`
import { parseArgs } from 'node:util';
import { nanosToMs, parseGoDuration } from '../dsn/go-duration.js';

export type MigrateAction = 'status' | 'up' | 'down';

export interface MigrateArgs {
  action: MigrateAction;
  target: string | undefined;
  dsn: string | undefined;
  pid: string | undefined;
  configFiles: string[] | undefined;
  /** Folders in command-line order, merged (the first shadows the same relative path of a later one) */
  migrations: string[];
  format: 'table' | 'json';
  steps: number | undefined;
  yes: boolean;
  readOnly: boolean;
  /** status: wait until nothing is pending */
  block: boolean;
  /** --block: give up after this long (null: wait as long as it takes, as Ory's services do) */
  timeoutMs: number | null;
}

export type ParsedMigrateArgs = { ok: true; args: MigrateArgs } | { ok: true; help: true } | { ok: false; error: string };

export const MIGRATE_USAGE = `usage: dsnsh migrate status|up|down [DSN|PROFILE] [options]

  status   which migrations of the folder are applied: Ory's table (Version, Name, Status) on
           stdout, byte for byte as \`kratos migrate sql status\` prints it; without a folder:
           the migration table alone (tool, applied count, latest version)
  up       apply the pending migrations, oldest first, as Ory's migrator does; stops before a
           Go migration (only the service can run it)
  down     roll back the latest applied migrations with their down files (default 1)

options:
  --migrations DIR       folder of Ory-style migration files (default: the profile's folder);
                         repeat it to merge folders as Ory does (e.g. Keto's and ory/x networkx)
  --dsn DSN              target DSN (else the DSN environment variable, the default profile, memory)
  --pid PID              the DSN of a running Ory service (its environment and -c/--config files)
  --config FILE          the dsn key of an Ory config file (DSN in the environment beats it, as in Ory)
  --format table|json    output format (default table); json: Ory's array of
                         {state, version, name, content, content_down}
  --steps N              down: how many to roll back (default 1); up: at most N
  --yes, -y              apply without asking (required when stdin is not a terminal)
  --read-only            the target must not change: up and down refuse (as on a read-only profile)
  --block                status: wait until no migration is pending (for init containers)
  --timeout DURATION     with --block: give up after this long (Go duration: 90s, 5m, 1h)

exit codes: 0 ok, 1 a migration failed (or a Go migration is next, or --block timed out),
2 usage/DSN/folder/dialect error or a read-only target, 3 connection error, 130 interrupted`;

const ACTIONS: readonly string[] = ['status', 'up', 'down'];

function parseTimeout(text: string): number | string {
  const parsed = parseGoDuration(text);
  if (!parsed.ok) return `--timeout "${text}" is not a duration (${parsed.reason}); use e.g. 90s, 5m or 1h`;
  if (parsed.nanos <= 0n) return `--timeout must be longer than 0, not "${text}"`;
  return nanosToMs(parsed.nanos);
}

export function parseMigrateArgs(argv: string[]): ParsedMigrateArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        dsn: { type: 'string' },
        pid: { type: 'string' },
        config: { type: 'string', multiple: true },
        migrations: { type: 'string', short: 'm', multiple: true },
        format: { type: 'string' },
        steps: { type: 'string' },
        yes: { type: 'boolean', short: 'y' },
        'read-only': { type: 'boolean' },
        block: { type: 'boolean' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const message =
      error instanceof Error ? error.message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '') : String(error);
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
    if (!/^[1-9]\d*$/.test(values.steps))
      return { ok: false, error: `--steps must be a whole number of at least 1, not "${values.steps}"` };
    if (action === 'status') return { ok: false, error: '--steps applies to up and down, not status' };
    steps = Number(values.steps);
  }
  const block = values.block ?? false;
  if (block && action !== 'status') return { ok: false, error: `--block applies to status, not ${action}` };
  let timeoutMs: number | null = null;
  if (values.timeout !== undefined) {
    if (!block) return { ok: false, error: '--timeout applies to status --block' };
    const timeout = parseTimeout(values.timeout);
    if (typeof timeout === 'string') return { ok: false, error: timeout };
    timeoutMs = timeout;
  }
  return {
    ok: true,
    args: {
      action: action as MigrateAction,
      target,
      dsn: values.dsn,
      pid: values.pid,
      configFiles: values.config,
      migrations: values.migrations ?? [],
      format,
      steps,
      yes: values.yes ?? false,
      readOnly: values['read-only'] ?? false,
      block,
      timeoutMs,
    },
  };
}
