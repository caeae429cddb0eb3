// `dsnsh [TARGET] [-c SQL]... [-f FILE]...`: run SQL and print the results; statements come from
// stdin when stdin is not a terminal. cli.tsx opens the console instead when that is the mode.
import type { Adapter, Session } from '../adapters/adapter.js';
import type { ResolvedTarget } from '../profiles/target.js';
import type { ParsedDsn } from '../dsn/types.js';
import { parseTarget } from '../profiles/resolve-target.js';
import { openSessionTarget, openUserSession, readOnlyFor } from '../session/open-session-target.js';
import { candidateHint, listCandidates } from '../discovery/list-candidates.js';
import { EXIT } from '../session/exit-codes.js';
import { sessionHelp } from './help.js';
import { interruptExitCode, watchInterrupt } from '../session/interrupt.js';
import { resolveChoice } from './open-target.js';
import { colorEnabled, type FormatOptions } from '../output/format-options.js';
import { OutputClosedError, OutputSink } from '../output/output-sink.js';
import { createResultWriter } from '../output/create-result-writer.js';
import { fail, printWarning } from '../session/report-error.js';
import { readScripts } from './read-scripts.js';
import { runScripts } from '../session/run-script.js';
import type { Script } from '../session/statement-feed.js';
import { parseSessionArgs, resolveFormat, type SessionArgs } from './session-args.js';
import { VERSION } from './version.js';

/** What the command line asks for, resolved: the target and how to run on it. */
export interface RunRequest {
  args: SessionArgs;
  target: ResolvedTarget;
  readOnly: boolean;
  /** --plain or TERM=dumb: a console would be the line-mode one */
  plain: boolean;
}

/**
 * Parses argv and resolves the target; `--help`/`--version` and bad arguments end here with the
 * exit code. cli.tsx then decides the mode (console on a terminal with no SQL given, else
 * runNonInteractive), so this module never loads Ink.
 */
export async function prepareRun(argv: string[]): Promise<RunRequest | number> {
  let args: SessionArgs;
  // --plain: the line-mode console (as TERM=dumb gives), for terminals that cannot take a full screen.
  const plain = argv.includes('--plain') || process.env.TERM === 'dumb';
  try {
    args = parseSessionArgs(argv.filter((arg) => arg !== '--plain'));
  } catch (error) {
    return fail(error);
  }
  if (args.help) {
    process.stdout.write(sessionHelp());
    return EXIT.ok;
  }
  if (args.version) {
    process.stdout.write(`dsnsh ${VERSION}\n`);
    return EXIT.ok;
  }
  let target: ResolvedTarget;
  try {
    target = await resolveChoice({ positional: args.target, dsnOption: args.dsn, pid: args.pid, configFiles: args.configFiles });
  } catch (error) {
    return fail(error);
  }
  return { args, target, readOnly: readOnlyFor(target, args.readOnly), plain };
}

/** The console's condition: no SQL given, and both stdin and stdout are terminals. */
export function wantsConsole(request: RunRequest): boolean {
  return request.args.sources.length === 0 && Boolean(process.stdin.isTTY && process.stdout.isTTY);
}

/** SQL from -c/-f/stdin on the target, results to stdout. */
export async function runNonInteractive({ args, target, readOnly }: RunRequest): Promise<number> {
  let dsn: ParsedDsn;
  try {
    dsn = parseTarget(target);
  } catch (error) {
    return fail(error);
  }

  // Said once, before any result, as `dsn explain` and doctor say them (the console shows its own).
  for (const warning of dsn.warnings) printWarning(warning);

  if (args.sources.length === 0 && process.stdin.isTTY) {
    // stdout is redirected, so there is no console: the terminal is a plain SQL input.
    process.stderr.write('dsnsh: reading SQL from the terminal; end each statement with ; and the input with Ctrl+D\n');
  }
  let scripts: Script[];
  try {
    scripts = await readScripts(args.sources, process.stdin);
  } catch (error) {
    return fail(error);
  }
  return runOnTarget(target, scripts, args, readOnly, target.source === 'memory');
}

async function runOnTarget(
  target: ResolvedTarget,
  scripts: Script[],
  args: SessionArgs,
  readOnly: boolean,
  noDsnGiven: boolean,
): Promise<number> {
  // Ctrl+C (or SIGTERM, SIGHUP, SIGQUIT): the running statement is cancelled on the server; a server
  // that does not confirm within a second is left to it (said so), so a frozen server never holds the user.
  const interrupt = watchInterrupt({ confirmWithinMs: 1000 });
  let adapter: Adapter | undefined;
  let session: Session | undefined;
  // --read-only: the server refuses writes, and the guard refuses what would turn that off.
  const openSession = (opened: Adapter): Promise<Session> => openUserSession(opened, readOnly, { signal: interrupt.signal });
  try {
    try {
      // Ctrl+C while connecting exits at once (a connection attempt cannot be aborted).
      // One-shot run: SQLite in this process (no worker start-up); Ctrl+C in a statement ends the process.
      adapter = await interrupt.whileConnecting(
        async () =>
          (
            await openSessionTarget(target, {
              use: 'command',
              readOnly,
              onWarning: (warning) => printWarning(warning),
            })
          ).adapter,
      );
      const opened = adapter;
      session = await interrupt.whileConnecting(() => openSession(opened));
    } catch (error) {
      if (interrupt.signal.aborted) return interruptExitCode();
      return fail(error, 'connect');
    }
    const stdoutIsTty = Boolean(process.stdout.isTTY);
    const { format, nullText } = resolveFormat(args, stdoutIsTty);
    const options: FormatOptions = {
      format,
      header: args.header,
      nullText,
      color: colorEnabled(stdoutIsTty, process.env),
      terminal: stdoutIsTty,
    };
    const sink = OutputSink.forStdout();
    const opened = adapter;
    try {
      const code = await runScripts(scripts, {
        adapter,
        session,
        writer: await createResultWriter(sink, options),
        sink,
        signal: interrupt.signal,
        continueOnError: args.continueOnError,
        serverCsv: serverCsvAllowed(adapter, options) ? { header: options.header } : null,
        // One form per type in csv: PostgreSQL's own text forms on both paths (README, Output formats).
        serverText: options.format === 'csv' && adapter.capabilities.serverCsv,
        offThreadRows: options.format === 'csv' || options.format === 'tsv' ? options : null,
        openSession: () => interrupt.whileConnecting(() => openSession(opened)),
        onNoStatements:
          args.sources.length > 0
            ? undefined
            : () => {
                // Typical of `kubectl exec pod -- dsnsh` without -i: say what would have worked.
                process.stderr.write(
                  'dsnsh: no SQL on stdin; use -c SQL or -f FILE, pipe statements in, or run on a terminal (kubectl exec -it) for the console\n',
                );
                // A debug container next to an Ory service: say which process has the DSN.
                const candidates = noDsnGiven ? candidateHint(listCandidates()) : null;
                if (candidates) process.stderr.write(`dsnsh: ${candidates}\n`);
              },
      });
      return code;
    } catch (error) {
      if (error instanceof OutputClosedError) return EXIT.ok;
      throw error;
    }
  } finally {
    interrupt.dispose();
    // Stop reading stdin (after Ctrl+C or an error it may still wait for input).
    process.stdin.destroy();
    await session?.release().catch(() => undefined);
    await adapter?.close().catch(() => undefined);
  }
}

/**
 * PostgreSQL writes CSV itself (much faster) with csv's defaults, on the session's connection (so
 * read-only and the session's settings apply); the runner checks the input is one query.
 */
function serverCsvAllowed(adapter: Adapter, options: FormatOptions): boolean {
  // To a terminal the rows are escaped here, so the server's raw CSV never goes there.
  return adapter.capabilities.serverCsv && options.format === 'csv' && options.nullText === '' && !options.terminal;
}
