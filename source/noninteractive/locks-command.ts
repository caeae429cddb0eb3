// `dsnsh locks [TARGET] [--json]`: who blocks whom, with the statements and their ages.
import { EXIT } from '../session/exit-codes.js';
import { locksHelp } from './help-activity.js';
import { runActivityReport } from './activity-report.js';
import { formatLockWaits } from '../sessions/locks-text.js';
import { TARGET_OPTIONS, targetChoice } from './open-target.js';
import { parseStrict } from './session-args.js';
import { UsageError } from '../session/usage-error.js';

const OPTIONS = {
  ...TARGET_OPTIONS,
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function run(argv: string[]): Promise<number> {
  return runActivityReport(argv, async (frame) => {
    const { values, positionals } = parseStrict(argv, OPTIONS);
    frame.json = values.json ?? false;
    if (values.help) {
      process.stdout.write(locksHelp());
      return EXIT.ok;
    }
    if (positionals.length > 1)
      throw new UsageError(`expected at most one DSN or profile, got ${positionals.length}`, 'see dsnsh locks --help');
    const opened = await frame.open(targetChoice(positionals[0], values));
    if (!opened.adapter.activity)
      throw new UsageError(
        `${opened.dsn.backend} has no server sessions to wait for each other`,
        'give a postgres://, cockroach:// or mysql:// target',
      );
    const waits = await opened.adapter.activity.lockWaits();
    return { json: { target: opened.dsn.redacted, waits }, text: formatLockWaits(waits) };
  });
}
