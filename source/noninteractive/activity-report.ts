// The frame the activity commands (sessions, locks, ory status) share: the report as JSON or
// text, and a failure reported the same way (in JSON too when --json was asked): a failure
// before the connection is the connection's (exit 3), after it a statement's (exit 1). The
// adapter is closed either way.
import type { Adapter } from '../adapters/adapter.js';
import { EXIT } from '../session/exit-codes.js';
import { describeError, printError } from '../session/report-error.js';
import { openTarget, type OpenedTarget } from './activity-target.js';
import type { TargetChoice } from './open-target.js';

export interface ReportFrame {
  /** Set once the arguments are read; until then `--json` anywhere in argv counts */
  json: boolean;
  /** Opens the target; from then on a failure is a statement's */
  open(choice: TargetChoice): Promise<OpenedTarget>;
}

/** A report to print, or an exit code when the command printed its own answer (--help). */
export type ReportAnswer = { json: unknown; text: string } | number;

export async function runActivityReport(argv: string[], body: (frame: ReportFrame) => Promise<ReportAnswer>): Promise<number> {
  let adapter: Adapter | undefined;
  let connected = false;
  const frame: ReportFrame = {
    json: argv.includes('--json'),
    async open(choice) {
      const opened = await openTarget(choice);
      adapter = opened.adapter;
      connected = true;
      return opened;
    },
  };
  try {
    const answer = await body(frame);
    if (typeof answer === 'number') return answer;
    process.stdout.write(frame.json ? `${JSON.stringify(answer.json, null, 2)}\n` : answer.text);
    return EXIT.ok;
  } catch (error) {
    const described = describeError(error, connected ? 'statement' : 'connect');
    if (frame.json)
      process.stdout.write(
        `${JSON.stringify({ error: { kind: described.kind, message: described.message, hint: described.hint } }, null, 2)}\n`,
      );
    printError(described);
    return described.exitCode;
  } finally {
    await adapter?.close().catch(() => undefined);
  }
}
