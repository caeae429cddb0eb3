// `dsnsh sessions [TARGET] [--replicas N] [--json]`: who holds the server's connections, grouped
// by application, user and client address; the headroom; the connection budget of the service.
import type { Adapter } from '../adapters/adapter.js';
import { connectionBudget } from '../sessions/connection-budget.js';
import { groupSessions, headroom } from '../sessions/group-sessions.js';
import { EXIT } from '../session/exit-codes.js';
import { sessionsHelp } from './help-activity.js';
import { openTarget } from './activity-target.js';
import { serviceIdentity, serviceMaxConns } from '../sessions/service-identity.js';
import { TARGET_OPTIONS, targetChoice } from './open-target.js';
import { describeError, printError } from '../session/report-error.js';
import { parseReplicas } from './replicas-option.js';
import { parseStrict } from './session-args.js';
import { formatSessions, type SessionsReport } from '../sessions/sessions-text.js';
import { UsageError } from '../session/usage-error.js';

const OPTIONS = {
  ...TARGET_OPTIONS,
  replicas: { type: 'string' },
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
      process.stdout.write(sessionsHelp());
      return EXIT.ok;
    }
    if (positionals.length > 1)
      throw new UsageError(`expected at most one DSN or profile, got ${positionals.length}`, 'see dsnsh sessions --help');
    const replicasOption = parseReplicas(values.replicas);
    const opened = await openTarget(targetChoice(positionals[0], values));
    adapter = opened.adapter;
    connected = true;
    const activity = adapter.activity;
    if (!activity)
      throw new UsageError(
        `${opened.dsn.backend} has no server sessions (its database lives in this process or a file it opens)`,
        'give a postgres://, cockroach:// or mysql:// target',
      );
    const { sessions, limits } = await activity.sessions();
    const room = headroom(sessions, limits);
    const replicas = replicasOption ?? opened.target.settings.replicas ?? 1;
    const report: SessionsReport = {
      target: opened.dsn.redacted,
      limits: room,
      groups: groupSessions(sessions),
      sessions,
      budget: connectionBudget({ replicas, maxConns: serviceMaxConns(opened.dsn), ...serviceIdentity(opened.dsn) }, sessions, room),
      replicasFrom: replicasOption !== undefined ? 'option' : opened.target.settings.replicas !== undefined ? 'profile' : 'default',
    };
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatSessions(report));
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
