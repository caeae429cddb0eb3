// `dsnsh ory status [TARGET] [--json]`: the Ory view of a database (see ory/ory-status.ts).
import { nanosToMs, parseGoDuration } from '../dsn/go-duration.js';
import { DEFAULT_CLEANUP, type CleanupSettings } from '../ory/cleanup-criteria.js';
import { readOryStatus } from '../ory/ory-status.js';
import { runActivityReport } from './activity-report.js';
import { EXIT } from '../session/exit-codes.js';
import { oryHelp } from './help-activity.js';
import { TARGET_OPTIONS, targetChoice } from './open-target.js';
import { formatOryStatus } from '../ory/ory-text.js';
import { parseStrict } from './session-args.js';
import { UsageError } from '../session/usage-error.js';

const OPTIONS = {
  ...TARGET_OPTIONS,
  json: { type: 'boolean' },
  exact: { type: 'boolean' },
  'keep-last': { type: 'string' },
  'batch-size': { type: 'string' },
  limit: { type: 'string' },
  'access-lifespan': { type: 'string' },
  'refresh-lifespan': { type: 'string' },
  'consent-request-lifespan': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseStrict<typeof OPTIONS>>['values'];

function duration(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const parsed = parseGoDuration(text);
  if (!parsed.ok || parsed.nanos < 0n)
    throw new UsageError(
      `--${name} "${text}" is not a duration${parsed.ok ? '' : ` (${parsed.reason})`}`,
      'use a Go duration as the services do: 90s, 30m, 24h',
    );
  return nanosToMs(parsed.nanos);
}

function count(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^[1-9][0-9]{0,8}$/.test(text)) throw new UsageError(`--${name} expects a whole number of at least 1, got "${text}"`);
  return Number(text);
}

export function cleanupSettings(values: Values, now = new Date()): CleanupSettings {
  return {
    now,
    keepLastMs: duration('keep-last', values['keep-last'], DEFAULT_CLEANUP.keepLastMs),
    batchSize: count('batch-size', values['batch-size'], DEFAULT_CLEANUP.batchSize),
    limit: count('limit', values.limit, DEFAULT_CLEANUP.limit),
    accessLifespanMs: duration('access-lifespan', values['access-lifespan'], DEFAULT_CLEANUP.accessLifespanMs),
    refreshLifespanMs: duration('refresh-lifespan', values['refresh-lifespan'], DEFAULT_CLEANUP.refreshLifespanMs),
    consentRequestLifespanMs: duration(
      'consent-request-lifespan',
      values['consent-request-lifespan'],
      DEFAULT_CLEANUP.consentRequestLifespanMs,
    ),
  };
}

export function run(argv: string[]): Promise<number> {
  return runActivityReport(argv, async (frame) => {
    const { values, positionals } = parseStrict(argv, OPTIONS);
    frame.json = values.json ?? false;
    const [subcommand, target, ...extra] = positionals;
    if (values.help || subcommand === 'help') {
      process.stdout.write(oryHelp());
      return EXIT.ok;
    }
    if (subcommand !== 'status')
      throw new UsageError(
        subcommand === undefined ? 'ory needs a subcommand: status' : `unknown ory subcommand "${subcommand}"`,
        'see dsnsh ory --help',
      );
    if (extra.length > 0) throw new UsageError(`expected at most one DSN or profile, got "${extra[0]}" too`, 'see dsnsh ory --help');
    const settings = cleanupSettings(values);
    const opened = await frame.open(targetChoice(target, values));
    const status = await readOryStatus(opened.adapter, settings, { exactCounts: values.exact ?? false });
    const report = {
      target: opened.dsn.redacted,
      backend: opened.dsn.backend,
      settings: { ...settings, now: settings.now.toISOString() },
      ...status,
    };
    return { json: report, text: formatOryStatus(report) };
  });
}
