// `dsnsh sessions [TARGET] [--replicas N] [--json]`: who holds the server's connections, grouped
// by application, user and client address; the headroom; the connection budget of the service.
import { connectionBudget } from '../sessions/connection-budget.js';
import { groupSessions, headroom } from '../sessions/group-sessions.js';
import { EXIT } from '../session/exit-codes.js';
import { sessionsHelp } from './help-activity.js';
import { runActivityReport } from './activity-report.js';
import { serviceIdentity, serviceMaxConns } from '../sessions/service-identity.js';
import { TARGET_OPTIONS, targetChoice } from './open-target.js';
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

export function run(argv: string[]): Promise<number> {
  return runActivityReport(argv, async (frame) => {
    const { values, positionals } = parseStrict(argv, OPTIONS);
    frame.json = values.json ?? false;
    if (values.help) {
      process.stdout.write(sessionsHelp());
      return EXIT.ok;
    }
    if (positionals.length > 1)
      throw new UsageError(`expected at most one DSN or profile, got ${positionals.length}`, 'see dsnsh sessions --help');
    const replicasOption = parseReplicas(values.replicas);
    const opened = await frame.open(targetChoice(positionals[0], values));
    const activity = opened.adapter.activity;
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
    return { json: report, text: formatSessions(report) };
  });
}
