// `dsnsh locks [TARGET] [--json]`: who blocks whom, with the statements and their ages.
import type { Adapter } from '../adapters/adapter.js';
import { EXIT } from '../session/exit-codes.js';
import { locksHelp } from './help-activity.js';
import { openTarget } from './activity-target.js';
import { formatLockWaits } from '../sessions/locks-text.js';
import { TARGET_OPTIONS, targetChoice } from './open-target.js';
import { describeError, printError } from '../session/report-error.js';
import { parseStrict } from './session-args.js';
import { UsageError } from '../session/usage-error.js';

const OPTIONS = {
  ...TARGET_OPTIONS,
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(argv: string[]): Promise<number> {
  let json = argv.includes('--json');
  let adapter: Adapter | undefined;
  let connected = false;
  try {
    const { values, positionals } = parseStrict(argv, OPTIONS);
    json = values.json ?? false;
    if (values.help) {
      process.stdout.write(locksHelp());
      return EXIT.ok;
    }
    if (positionals.length > 1)
      throw new UsageError(`expected at most one DSN or profile, got ${positionals.length}`, 'see dsnsh locks --help');
    const opened = await openTarget(targetChoice(positionals[0], values));
    adapter = opened.adapter;
    connected = true;
    if (!adapter.activity)
      throw new UsageError(
        `${opened.dsn.backend} has no server sessions to wait for each other`,
        'give a postgres://, cockroach:// or mysql:// target',
      );
    const waits = await adapter.activity.lockWaits();
    process.stdout.write(json ? `${JSON.stringify({ target: opened.dsn.redacted, waits }, null, 2)}\n` : formatLockWaits(waits));
    return EXIT.ok;
  } catch (error) {
    // Once connected, a failure is a statement's (exit 1), not the connection's (exit 3).
    const described = describeError(error, connected ? 'statement' : 'connect');
    if (json)
      process.stdout.write(
        `${JSON.stringify({ error: { kind: described.kind, message: described.message, hint: described.hint } }, null, 2)}\n`,
      );
    printError(described);
    return described.exitCode;
  } finally {
    await adapter?.close().catch(() => undefined);
  }
}
