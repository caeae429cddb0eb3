// `dsnsh [TARGET] [-c SQL]... [-f FILE]...`: run SQL and print the results; statements come from
// stdin when stdin is not a terminal. The console opens only through `hooks.openConsole`, which
// cli.tsx provides (this module never loads Ink).
import type { Adapter, Session } from '../adapters/adapter.js';
import { openAdapter } from '../adapters/open-adapter.js';
import type { ResolvedTarget } from '../profiles/target.js';
import type { ParsedDsn } from '../dsn/types.js';
import { parseDsn } from '../dsn/parse-dsn.js';
import { readOnlySessionStatement } from '../sql/read-only-session.js';
import { EXIT } from './exit-codes.js';
import { sessionHelp } from './help.js';
import { watchInterrupt } from './interrupt.js';
import { resolveChoice } from './open-target.js';
import { colorEnabled, type FormatOptions } from './output/format-options.js';
import { OutputClosedError, OutputSink } from './output/output-sink.js';
import { createResultWriter } from './output/result-writer.js';
import { fail } from './report-error.js';
import { readScripts } from './read-scripts.js';
import { runScripts } from './run-script.js';
import type { Script } from './statement-feed.js';
import { parseSessionArgs, resolveFormat, type SessionArgs } from './session-args.js';
import { VERSION } from './version.js';

export interface RunHooks {
  /** Opens the interactive console (only called when stdin and stdout are terminals and no SQL was given) */
  openConsole?: (options: { target: ResolvedTarget; readOnly: boolean }) => Promise<number>;
}

export async function run(argv: string[], hooks: RunHooks = {}): Promise<number> {
  let args: SessionArgs;
  try {
    args = parseSessionArgs(argv);
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
    target = await resolveChoice({ positional: args.target, dsnOption: args.dsn });
  } catch (error) {
    return fail(error);
  }
  const readOnly = args.readOnly || target.settings.readOnly === true;
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  if (args.sources.length === 0 && interactive && hooks.openConsole) {
    // A DSN that does not parse still opens the console: it shows the error with its hint and
    // the profile switcher (memory is always there), rather than ending.
    return hooks.openConsole({ target, readOnly });
  }
  let dsn: ParsedDsn;
  try {
    dsn = parseDsn(target.dsn);
  } catch (error) {
    return fail(error);
  }

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
  return runOnTarget(dsn, scripts, args, readOnly);
}

async function runOnTarget(dsn: Parameters<typeof openAdapter>[0], scripts: Script[], args: SessionArgs, readOnly: boolean): Promise<number> {
  // Ctrl+C: the running statement is cancelled on the server; a server that does not confirm
  // within a second is left to it (said so), so a frozen server never holds the user.
  const interrupt = watchInterrupt({ confirmWithinMs: 1000 });
  let adapter: Adapter | undefined;
  let session: Session | undefined;
  const openSession = async (opened: Adapter): Promise<Session> => {
    const fresh = await opened.session({ signal: interrupt.signal });
    try {
      if (readOnly) await fresh.run(readOnlySessionStatement(opened.backend), { signal: interrupt.signal });
    } catch (error) {
      await fresh.release().catch(() => undefined);
      throw error;
    }
    return fresh;
  };
  try {
    try {
      // Ctrl+C while connecting exits at once (a connection attempt cannot be aborted).
      // One-shot run: SQLite in this process (no worker start-up); Ctrl+C in a statement ends the process.
      adapter = await interrupt.whileConnecting(() => openAdapter(dsn, { inProcess: true }));
      const opened = adapter;
      session = await interrupt.whileConnecting(() => openSession(opened));
    } catch (error) {
      if (interrupt.signal.aborted) return EXIT.interrupted;
      return fail(error, 'connect');
    }
    const stdoutIsTty = Boolean(process.stdout.isTTY);
    const { format, nullText } = resolveFormat(args, stdoutIsTty);
    const options: FormatOptions = { format, header: args.header, nullText, color: colorEnabled(stdoutIsTty, process.env) };
    const sink = new OutputSink(process.stdout);
    const opened = adapter;
    try {
      const code = await runScripts(scripts, {
        adapter,
        session,
        writer: await createResultWriter(sink, options),
        sink,
        signal: interrupt.signal,
        continueOnError: args.continueOnError,
        serverCsv: serverCsvAllowed(adapter, options, readOnly) ? { header: options.header } : null,
        offThreadRows: options.format === 'csv' || options.format === 'tsv' ? options : null,
        openSession: () => interrupt.whileConnecting(() => openSession(opened)),
        onNoStatements: args.sources.length > 0 ? undefined : () => {
          // Typical of `kubectl exec pod -- dsnsh` without -i: say what would have worked.
          process.stderr.write('dsnsh: no SQL on stdin; use -c SQL or -f FILE, pipe statements in, or run on a terminal (kubectl exec -it) for the console\n');
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

/** PostgreSQL writes CSV itself (much faster) with csv's defaults; the runner checks the input is one query. */
function serverCsvAllowed(adapter: Adapter, options: FormatOptions, readOnly: boolean): boolean {
  if (!adapter.capabilities.serverCsv || !adapter.copyCsv) return false;
  return options.format === 'csv' && options.nullText === '' && !readOnly;
}
