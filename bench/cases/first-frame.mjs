// Case 3: time from spawning a console in a pty until its prompt is on screen, and its RSS then.
// Node printing one line in the same pty is the floor.
import { dsnshConsole, peerConsoles } from '../lib/console-markers.mjs';
import { childEnv, COMPARE_CLIS } from '../lib/environment.mjs';
import { interleave } from '../lib/interleave.mjs';
import { treePeakRssKb } from '../lib/proc-stat.mjs';
import { ExitedError, PtySession, ptyUnavailable } from '../lib/pty-session.mjs';
import { median } from '../lib/stats.mjs';
import { below, byLabel, fasterThan } from '../lib/targets.mjs';

function consoleContender(spec, dataMissing) {
  return {
    label: spec.label,
    skip: ptyUnavailable() ?? spec.skip ?? dataMissing ?? null,
    run: async () => {
      const session = new PtySession(spec.command, spec.args, spec.env ? { env: spec.env } : undefined);
      try {
        const ms = await session.waitForScreen(spec.ready, 20_000);
        const rssKb = treePeakRssKb(session.pid);
        // dsnsh draws before its connection is up (the header says so); the peers connect first.
        const connectedMs = spec.connected ? await session.waitForScreen(spec.connected, 20_000).catch(() => null) : null;
        return { ms, rssKb, connectedMs };
      } catch (error) {
        const why =
          error instanceof ExitedError && spec.dsnsh ? `n/a (console not built?): ${error.lastLines}` : error.message.split('\n')[0];
        return { failed: why };
      } finally {
        await session.stop();
      }
    },
  };
}

function connectedNote(results) {
  return (
    results
      .filter((r) => r.label.startsWith('dsnsh') && !r.skipped)
      .map((r) => {
        const values = r.samples.map((s) => s.connectedMs).filter((v) => typeof v === 'number');
        return `${r.label.slice(6)} ${values.length ? `${Math.round(median(values))} ms` : 'n/a'}`;
      })
      .join(', ') || 'n/a'
  );
}

/** The floor: Node starting in the same pty and printing one line. */
const floorSpec = { label: 'node -e 0 (pty)', command: process.execPath, args: ['-e', 'console.log("ready")'], ready: /ready/ };
const nodeFloor = consoleContender(floorSpec);

// Node parses NODE_EXTRA_CA_CERTS before running any code (the system bundle: ~90 ms here), a
// cost of the machine's set-up that most machines do not have: where it is set, the floor and
// the memory console also run without it, so the report shows both.
const CA_VARIABLE = 'NODE_EXTRA_CA_CERTS';
const NO_CA = ' (no CA bundle)';
function withoutCaBundle(spec) {
  const env = childEnv();
  delete env[CA_VARIABLE];
  return { ...spec, label: spec.label + NO_CA, env };
}

export async function firstFrame({ reps, progress, dataMissing }) {
  const caBundle = Boolean(process.env[CA_VARIABLE]);
  const contenders = [
    nodeFloor,
    consoleContender(dsnshConsole('memory')),
    ...COMPARE_CLIS.map((other) =>
      consoleContender({ ...dsnshConsole('memory'), label: `dsnsh memory [${other.label}]`, args: [other.path, 'memory'] }),
    ),
    ...(caBundle ? [consoleContender(withoutCaBundle(floorSpec)), consoleContender(withoutCaBundle(dsnshConsole('memory')))] : []),
    consoleContender(dsnshConsole('sqlite'), dataMissing.sqlite),
    consoleContender(dsnshConsole('postgres')),
    consoleContender(dsnshConsole('mysql')),
    ...peerConsoles().map((spec) => consoleContender(spec, spec.label === 'litecli' ? dataMissing.sqlite : null)),
  ];
  const results = await interleave(contenders, reps, progress);
  const memory = byLabel(results, 'dsnsh memory');
  const memoryWithoutCa = byLabel(results, 'dsnsh memory' + NO_CA);
  return {
    id: 3,
    title: 'Console: time to first frame (prompt on screen) in a pty',
    results,
    comparisons: [
      ['dsnsh memory', 'node -e 0 (pty)'],
      ...COMPARE_CLIS.map((other) => ['dsnsh memory', `dsnsh memory [${other.label}]`]),
      ...(caBundle ? [['dsnsh memory' + NO_CA, 'node -e 0 (pty)' + NO_CA]] : []),
      ['dsnsh postgres', 'psql'],
      ['dsnsh postgres', 'pgcli'],
      ['dsnsh mysql', 'mycli'],
      ['dsnsh sqlite', 'litecli'],
    ],
    targets: [
      below(memory?.ms.median, 250, 'time to first frame < 250 ms (memory)', 'ms'),
      ...(caBundle ? [below(memoryWithoutCa?.ms.median, 250, `time to first frame < 250 ms (memory, ${CA_VARIABLE} unset)`, 'ms')] : []),
      fasterThan(results, 'dsnsh postgres', 'pgcli', 'first frame faster than pgcli (PostgreSQL)'),
      fasterThan(results, 'dsnsh mysql', 'mycli', 'first frame faster than mycli (MariaDB)'),
      fasterThan(results, 'dsnsh sqlite', 'litecli', 'first frame faster than litecli (SQLite)'),
    ],
    notes: [
      'RSS: VmHWM of the console process tree when its prompt appeared.',
      `dsnsh draws its first frame before the connection is up (header: connecting); median time until the header said connected: ${connectedNote(results)}. psql, pgcli, mycli and litecli connect before showing their prompt.`,
    ],
  };
}
