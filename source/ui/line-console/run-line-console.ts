// The line-mode console (TERM=dumb, --plain): a prompt read with node:readline, each statement run
// on one held session and printed as the non-interactive table, history kept as the full-screen
// console keeps it. No Ink is loaded. The same guards as the full-screen console: read-only is the
// server's (read-only session), a destructive statement is asked as a y/N line, and a statement
// that fails or is refused stops the rest of a paste. A terminal that vanished (stdin EOF or EIO,
// stdout EIO or EPIPE) cancels the running statement and ends the console with 129, as SIGHUP does.
import readline from 'node:readline';
import type { Adapter, Session } from '../../adapters/adapter.js';
import { openSessionTarget, openUserSession } from '../../session/open-session-target.js';
import type { ResolvedTarget } from '../../profiles/target.js';
import { EXIT } from '../../session/exit-codes.js';
import { OutputSink } from '../../output/output-sink.js';
import { createResultWriter } from '../../output/create-result-writer.js';
import { fail } from '../../session/report-error.js';
import { runScripts } from '../../session/run-script.js';
import { STAYED, transactionEnding } from '../../session/transaction-ending.js';
import { isCompleteStatement } from '../../sql/is-complete-statement.js';
import { splitStatements } from '../../sql/split-statements.js';
import { dialectOf } from '../../sql/dialect.js';
import { inputDanger } from '../query/input-danger.js';
import { HistoryFile } from '../history-file.js';
import { onTerminalVanished, VANISHED_EXIT_CODE } from '../vanished-terminal.js';
import { dumbHistory } from './dumb-history.js';
import { searchPathStatement } from '../sql/search-path-statement.js';
import { currentDatabaseStatement } from '../sql/use-statement.js';
import { classifyStatement } from '../../sql/classify-statement.js';
import { answerLineBackslash, printLineOutcome } from './line-backslash.js';
import { isBackslashCommand } from '../sql/backslash-commands.js';
import { NamedQueryStore } from '../../profiles/named-query-store.js';

/** How long a signal or a vanished terminal waits for the server to confirm the cancel */
const CANCEL_WITHIN_MS = 1500;
const SIGNAL_ENDS = { SIGHUP: EXIT.hungUp, SIGTERM: EXIT.terminated, SIGQUIT: EXIT.quit } as const;

export interface LineConsoleOptions {
  target: ResolvedTarget;
  readOnly: boolean;
}

export async function runLineConsole({ target, readOnly }: LineConsoleOptions): Promise<number> {
  let adapter: Adapter;
  let session: Session;
  try {
    adapter = (await openSessionTarget(target, { readOnly, use: 'console' })).adapter;
    session = await openUserSession(adapter, readOnly);
  } catch (error) {
    return fail(error, 'connect');
  }
  const dialect = dialectOf(adapter.backend);
  const history = HistoryFile.forTarget(target);
  const namedQueries = new NamedQueryStore();
  const remembered = history.load();
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: true,
    history: [...remembered].reverse(),
    historySize: 1000,
  });
  if (process.env.TERM === 'dumb') dumbHistory(rl, process.stdin, process.stdout, remembered);
  const sink = OutputSink.forStdout();
  const writer = await createResultWriter(sink, { format: 'table', header: true, nullText: '∅', color: false, terminal: true });
  const say = (text: string) => process.stdout.write(`${text}\n`);
  say(
    `dsnsh ${target.profileName ?? '(DSN)'} · ${adapter.backend} · ${target.redacted}${target.settings.production ? ' · PRODUCTION' : ''}${readOnly ? ' · READ-ONLY' : ''} · line mode (\\? commands, \\q quits)`,
  );

  let ended = false;
  let exitCode: number = EXIT.ok;
  let running: AbortController | null = null;
  // The terminal went away without SIGHUP: nobody can answer. Cancel what runs, end now (the
  // server rolls an open transaction back when the session closes) and exit as on SIGHUP.
  // SIGHUP (the terminal closed), SIGTERM and SIGQUIT end it the same way, with 128 + the signal.
  const endWith = (code: number) => {
    if (ended) return;
    ended = true;
    exitCode = code;
    running?.abort();
    rl.close();
    // A server that does not confirm the cancel must not keep the process (README: Exit codes).
    setTimeout(() => process.exit(code), CANCEL_WITHIN_MS).unref();
  };
  const endVanished = () => endWith(VANISHED_EXIT_CODE);
  const stopWatchingTerminal = onTerminalVanished(endVanished);
  // readline hands its input's errors on (setRawMode EIO while closing on a hung-up terminal).
  rl.on('error', endVanished);
  const onSignal = Object.entries(SIGNAL_ENDS).map(([signal, code]) => [signal, () => endWith(code)] as const);
  for (const [signal, listener] of onSignal) process.on(signal, listener);

  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      if (ended) {
        resolve('');
        return;
      }
      const onClose = () => resolve('');
      rl.once('close', onClose);
      rl.question(question, (answer) => {
        rl.off('close', onClose);
        resolve(answer.trim().toLowerCase());
      });
    });

  // The session's search_path (PostgreSQL) and current database after a USE (MySQL), for the \d
  // family: read from the session after a statement may have changed them.
  let searchPath: string | null = null;
  let database: string | null = null;
  const ownRead = async (sql: string) => {
    const value = (await session.run(sql, { ownRead: true }).catch(() => null))?.rows[0]?.[0];
    return typeof value === 'string' ? value : null;
  };
  const followSession = async (statement: string) => {
    const kind = classifyStatement(statement, dialect);
    const readPath = searchPathStatement(dialect, kind);
    if (readPath !== null) searchPath = await ownRead(readPath);
    const readDatabase = currentDatabaseStatement(dialect);
    if (readDatabase !== null && kind.keyword === 'USE') database = await ownRead(readDatabase);
  };

  /** Runs a complete input; false when a statement failed or was refused (the rest is not run). */
  const runInput = async (text: string): Promise<boolean> => {
    const statements = splitStatements(text, dialect);
    // One question before any statement of the input runs, as in the full-screen console.
    const danger = inputDanger(
      statements.map((statement) => statement.text),
      dialect,
      target.settings,
    );
    if (danger !== null) {
      for (const line of danger.lines) say(line);
      if ((await ask(`${danger.ask} [y/N] `)) !== 'y') {
        say(danger.declined);
        return false;
      }
    }
    for (const [index, statement] of statements.entries()) {
      const code = await runScripts([{ label: '<console>', sql: statement.text }], {
        adapter,
        session,
        writer,
        sink,
        signal: (running = new AbortController()).signal,
        continueOnError: false,
        serverCsv: null,
      }).finally(() => {
        running = null;
      });
      if (code === EXIT.ok) await followSession(statement.text);
      if (code !== EXIT.ok) {
        const rest = statements.length - index - 1;
        if (rest > 0) say(`The ${rest} statement${rest === 1 ? '' : 's'} after it did not run.`);
        // A lost connection: the next input starts on a fresh session (runScripts said what was lost).
        if (code === EXIT.connection) {
          await session.release().catch(() => undefined);
          session = await openUserSession(adapter, readOnly);
          searchPath = null;
          database = null;
        }
        return false;
      }
    }
    return true;
  };

  /**
   * A read beside the user's session. A backend with one connection (SQLite) has the session lend
   * it between transactions, as the full-screen console does after each statement: the next
   * statement takes it again, on the same connection, so nothing of the session is lost.
   */
  const besideSession = async <T>(read: () => Promise<T>): Promise<T | null> => {
    if (adapter.capabilities.concurrentSessions) return read();
    if (session.transactionState() !== 'idle') return null;
    await session.release();
    try {
      return await read();
    } finally {
      // Taking it back cannot fail but by losing the database (the worker gone): said, and the end.
      session = await openUserSession(adapter, readOnly).catch((error: unknown) => {
        endWith(fail(error, 'connect'));
        return session;
      });
    }
  };

  /** \q / Ctrl+D with a transaction open asks first, as the full-screen console does. */
  const mayLeave = async (): Promise<boolean> => {
    const state = session.transactionState();
    if (state === 'idle' || ended) return true;
    const answer = await ask(
      state === 'failed'
        ? 'A failed transaction is open: r rolls back and quits, anything else stays [r/S] '
        : 'A transaction is open: c commits, r rolls back (and quit), anything else stays [c/r/S] ',
    );
    const statement = transactionEnding(answer, state);
    if (statement === null) {
      say(STAYED);
      return false;
    }
    return runInput(statement);
  };

  let buffer = '';
  // Ctrl+C cancels a running statement (on the server), else clears the line; it never quits.
  rl.on('SIGINT', () => {
    if (running) {
      running.abort();
      return;
    }
    buffer = '';
    // Drop what was typed on the line (readline keeps it otherwise, dumb or not), as psql does.
    Object.assign(rl as unknown as { line: string; cursor: number }, { line: '', cursor: 0 });
    process.stdout.write('\nCtrl+D or \\q quits\n');
    prompt();
  });
  const prompt = () => {
    rl.setPrompt(buffer === '' ? 'sql> ' : ' ..> ');
    rl.prompt();
  };
  try {
    prompt();
    for await (const line of rl) {
      const text = buffer === '' ? line : `${buffer}\n${line}`;
      if (text.trim() === '') {
        buffer = '';
        prompt();
        continue;
      }
      if (buffer === '' && isBackslashCommand(text)) {
        remembered.push(text);
        history.save(remembered);
        const answer = await answerLineBackslash(text, {
          adapter,
          target,
          dialect,
          store: namedQueries,
          signal: (running = new AbortController()).signal,
          besideSession,
          searchPath,
          database,
        }).finally(() => {
          running = null;
        });
        if (answer.kind === 'quit') {
          if (await mayLeave()) break;
        } else if (answer.kind === 'run') await runInput(answer.sql);
        else await printLineOutcome(answer.outcome, writer, sink, say);
        if (ended) break;
        prompt();
        continue;
      }
      if (!isCompleteStatement(text, dialect)) {
        buffer = text;
        prompt();
        continue;
      }
      buffer = '';
      remembered.push(text);
      history.save(remembered);
      await runInput(text);
      if (ended) break;
      prompt();
    }
    // Ctrl+D at the prompt (or the terminal gone): readline has closed, nobody can be asked.
    if (session.transactionState() !== 'idle' && !ended) say('Input ended with a transaction open: it is rolled back.');
  } catch (error) {
    // The line iterator rethrows the input's error (EIO) once the terminal has vanished.
    if (!ended) throw error;
  } finally {
    rl.close();
    stopWatchingTerminal();
    // Ended by a signal: a second one (the kernel's SIGHUP after the one a closed window sends)
    // must not kill the process by its default action while it closes; the listeners stay.
    if (!ended) for (const [signal, listener] of onSignal) process.off(signal, listener);
    process.stdin.destroy();
    await session.release().catch(() => undefined);
    await adapter.close().catch(() => undefined);
  }
  return exitCode;
}
