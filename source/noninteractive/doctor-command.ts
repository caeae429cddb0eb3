// `dsnsh doctor [TARGET] [--json]`: can this target be used, and how is it configured? Exit 0 when
// usable (a readiness check in a pod), 2 when the DSN or profile is wrong, 3 when it cannot connect.
import { performance } from 'node:perf_hooks';
import type { Adapter } from '../adapters/adapter.js';
import { openSessionTarget } from '../session/open-session-target.js';
import { diagnoseFailure } from './doctor-diagnosis.js';
import { hopelessConnect, inspectServer, probeBeforeConnecting, tlsAdvice } from './doctor-server-checks.js';
import { EXIT } from '../session/exit-codes.js';
import { doctorHelp } from './help.js';
import { inspect, round, type DoctorReport } from './doctor-checks.js';
import { formatDoctorReport } from './doctor-text.js';
import { boundedBy, parseTimeoutOption, seconds, withDoctorTimeout } from './doctor-timeout.js';
import { resolveAndParse, TARGET_OPTIONS, targetChoice } from './open-target.js';
import { describeError, printError } from '../session/report-error.js';
import { describeTarget } from './doctor-target.js';
import { parseStrict } from './session-args.js';
import { UsageError } from '../session/usage-error.js';

const OPTIONS = {
  json: { type: 'boolean' },
  ...TARGET_OPTIONS,
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(argv: string[]): Promise<number> {
  let json = argv.includes('--json');
  try {
    const { values, positionals } = parseStrict(argv, OPTIONS);
    json = values.json ?? false;
    if (values.help) {
      process.stdout.write(doctorHelp());
      return EXIT.ok;
    }
    if (positionals.length > 1)
      throw new UsageError(`expected at most one DSN or profile, got ${positionals.length}`, 'see dsnsh doctor --help');
    const timeoutOption = values.timeout === undefined ? null : parseTimeoutOption(values.timeout);
    const { target, dsn: parsed } = await resolveAndParse(targetChoice(positionals[0], values));
    const { dsn, timeoutMs } = withDoctorTimeout(parsed, timeoutOption);
    const report: DoctorReport = {
      target: describeTarget(target, dsn.redacted),
      backend: dsn.backend,
      usable: true,
      warnings: [...dsn.warnings],
      connect: { ok: true, ms: 0 },
      pool: dsn.pool,
      timeoutMs,
    };
    let adapter: Adapter | undefined;
    const probe = await probeBeforeConnecting(dsn);
    if (probe) report.probe = probe;
    const started = performance.now();
    try {
      // Nothing to connect to: say so at once rather than wait for the driver to find out.
      const hopeless = hopelessConnect(dsn, probe);
      if (hopeless) throw hopeless;
      adapter = (await openSessionTarget(target, { use: 'command', readOnly: false, dsn })).adapter;
      report.connect = { ok: true, ms: round(performance.now() - started) };
      // A server that stops answering after the connect (overloaded, a lock on the migration
      // table) must not hold the check either: the same time bounds the checks.
      const checks = new AbortController();
      const opened = adapter;
      const inspected = await boundedBy(
        (async () => {
          await inspect(opened, report, target.settings.migrationsDir ?? null, checks.signal);
          const advice = tlsAdvice(dsn, probe, report.tls && !('unknown' in report.tls) ? report.tls : null);
          if (advice.length > 0) report.tlsAdvice = advice;
          await inspectServer(opened, report, report.server ? { ...report.server, details: report.details ?? {} } : null, report.warnings);
        })(),
        timeoutMs,
      );
      if (inspected === 'timed out') {
        checks.abort();
        report.usable = false;
        report.warnings.push(
          `the server did not answer within ${seconds(timeoutMs)} after connecting (server facts, SELECT 1 or the migration table): it may be overloaded, or a lock blocks it; --timeout waits longer`,
        );
      }
    } catch (error) {
      const described = describeError(error, 'connect');
      report.usable = false;
      report.connect = {
        ok: false,
        kind: described.kind,
        message: described.message,
        hint: timeoutHint(described, timeoutOption, timeoutMs),
      };
      report.diagnosis = diagnoseFailure(dsn, error, probe ?? null);
    }
    // The report is final here (checks still pending after the bound no longer change it).
    const output = json ? `${JSON.stringify(report, null, 2)}\n` : formatDoctorReport(report);
    // Closing waits for statements still blocked on the server: never longer than a moment.
    if (adapter)
      await boundedBy(
        adapter.close().catch(() => undefined),
        1000,
      );
    process.stdout.write(output);
    if (!report.connect.ok) return EXIT.connection;
    return report.usable ? EXIT.ok : EXIT.connection;
  } catch (error) {
    const described = describeError(error);
    if (json)
      process.stdout.write(
        `${JSON.stringify({ usable: false, error: { kind: described.kind, message: described.message, hint: described.hint } }, null, 2)}\n`,
      );
    printError(described);
    return described.exitCode;
  }
}

/** A connect timeout says which time applied and how to change it. */
function timeoutHint(described: { kind: string; hint: string | null }, option: number | null, timeoutMs: number): string | null {
  if (described.kind !== 'timeout') return described.hint;
  const which = option !== null ? '--timeout' : `the DSN's timeout, or doctor's default`;
  return `${described.hint ?? 'Check that the server is reachable.'} doctor waited ${seconds(timeoutMs)} (${which}); --timeout sets another time.`;
}
