// `dsnsh doctor [TARGET] [--json]`: can this target be used, and how is it configured? Exit 0 when
// usable (a readiness check in a pod), 2 when the DSN or profile is wrong, 3 when it cannot connect.
import { performance } from 'node:perf_hooks';
import type { Adapter } from '../adapters/adapter.js';
import { openAdapter } from '../adapters/open-adapter.js';
import { EXIT } from './exit-codes.js';
import { doctorHelp } from './help.js';
import { inspect, round, type DoctorReport } from './doctor-checks.js';
import { formatDoctorReport } from './doctor-text.js';
import { resolveAndParse } from './open-target.js';
import { describeError, printError } from './report-error.js';
import { parseStrict } from './session-args.js';
import { UsageError } from './usage-error.js';

const OPTIONS = {
  json: { type: 'boolean' },
  dsn: { type: 'string' },
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
    if (positionals.length > 1) throw new UsageError(`expected at most one DSN or profile, got ${positionals.length}`, 'see dsnsh doctor --help');
    const { target, dsn } = await resolveAndParse({ positional: positionals[0], dsnOption: values.dsn });
    const report: DoctorReport = {
      target: { dsn: dsn.redacted, source: target.source, profile: target.profileName },
      backend: dsn.backend,
      usable: true,
      warnings: [...dsn.warnings],
      connect: { ok: true, ms: 0 },
      pool: dsn.pool,
    };
    let adapter: Adapter | undefined;
    const started = performance.now();
    try {
      adapter = await openAdapter(dsn, { inProcess: true });
      report.connect = { ok: true, ms: round(performance.now() - started) };
      await inspect(adapter, report, target.settings.migrationsDir ?? null);
    } catch (error) {
      const described = describeError(error, 'connect');
      report.usable = false;
      report.connect = { ok: false, kind: described.kind, message: described.message, hint: described.hint };
    } finally {
      await adapter?.close().catch(() => undefined);
    }
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatDoctorReport(report));
    if (!report.connect.ok) return EXIT.connection;
    return report.usable ? EXIT.ok : EXIT.connection;
  } catch (error) {
    const described = describeError(error);
    if (json) process.stdout.write(`${JSON.stringify({ usable: false, error: { kind: described.kind, message: described.message, hint: described.hint } }, null, 2)}\n`);
    printError(described);
    return described.exitCode;
  }
}
