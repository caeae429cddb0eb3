// The console: composes the header, live panels, result area, prompt and hint bar, and routes
// keys to them through the key table. State lives in hooks; this file only wires them.
import { Box, Text, useApp, useStdout } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { dialectOf } from '../sql/dialect.js';
import type { ResolvedTarget } from '../profiles/target.js';
import type { HistoryFile } from './history-file.js';
import { useCompletion } from './hooks/use-completion.js';
import { downHeadline, useConnection } from './hooks/use-connection.js';
import { useLivePanels } from './hooks/use-live-panels.js';
import { useQuitGuard } from './hooks/use-quit-guard.js';
import { usePromptEditor } from './hooks/use-prompt-editor.js';
import { useQuerySession } from './hooks/use-query-session.js';
import { useStatementQueue } from './hooks/use-statement-queue.js';
import { useSubmissions } from './hooks/use-submissions.js';
import { useTerminalInput } from './hooks/use-terminal-input.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { useWatch } from './hooks/use-watch.js';
import { statementToWatch } from './query/statement-to-watch.js';
import { useRefState } from './hooks/use-ref-state.js';
import { useValueViewer } from './hooks/use-value-viewer.js';
import { newestChrome, useResultBlocks } from './hooks/use-result-blocks.js';
import { useServerActivity } from './hooks/use-server-activity.js';
import { useProfileSwitcher } from './hooks/use-profile-switcher.js';
import { profileLines } from './panels/profile-lines.js';
import { helpLines } from './keys/help-lines.js';
import { commandFor, matches } from './keys/key-bindings.js';
import { keyEvent, type KeyEvent } from './keys/key-event.js';
import { consoleLayout } from './layout.js';
import { Header } from './panels/header.js';
import { KeyHints } from './panels/key-hints.js';
import { MigrationPanel } from './panels/migration-panel.js';
import { PoolPanel } from './panels/pool-panel.js';
import { PromptView } from './panels/prompt-view.js';
import { ResultView } from './panels/result-view.js';
import { StatusLine } from './panels/status-line.js';
import { WarningLine } from './panels/warning-line.js';
import { dsnWarnings } from './format/dsn-check.js';
import { resultLines, TABLE_CHROME } from './query/result-lines.js';
import { runBackslash } from './query/run-backslash.js';
import { explainOutcome } from './query/run-explain.js';
import { isNamedQueryCommand, resolveNamedQuery, runNamedQueryCommand } from './query/named-query-commands.js';
import { NamedQueryStore } from '../profiles/named-query-store.js';
import { queuedInput, statementsOfInput, stoppedNotice, type QueuedInput } from './query/split-input.js';
import { inputDanger } from './query/input-danger.js';
import { exportHeld, exportResult } from './query/export-result.js';
import { chooseExportRows } from './query/export-choice.js';
import { migrationDetails } from './query/migration-details.js';
import { classifyStatement } from '../sql/classify-statement.js';
import { listDatabasesStatement } from './sql/list-databases.js';
import { statusText } from './query/status-text.js';
import { editorRequest, isBackslashCommand, parseBackslashCommand, recordViewRequest } from './sql/backslash-commands.js';
import { editExternally } from './external-editor.js';
import { currentDatabaseStatement } from './sql/use-statement.js';
import { searchPathStatement } from './sql/search-path-statement.js';
import { planDatabaseChange, tryTarget } from './query/change-database.js';
import { databaseOf } from './query/database-of.js';
import { useResultCopy } from './hooks/use-result-copy.js';
import { useResultNavigation } from './hooks/use-result-navigation.js';
import { markMatches } from './format/search-marks.js';
import { useResultSort } from './hooks/use-result-sort.js';
import { theme } from './theme.js';
import { viModeLabel } from './state/vi-mode.js';
import { keyProblemOutcome } from './keys/key-problems.js';
import { cancellingNotice, explainNotice, quitNotice } from './keys/key-notices.js';

/** "PostgreSQL 15.20" from "PostgreSQL 15.20 (Debian …) on x86_64 …" */
function shortVersion(product: string, version: string): string {
  const short = version.split(/ \(| on |, /)[0] ?? version;
  return short.toLowerCase().startsWith(product.toLowerCase()) ? short : `${product} ${short}`;
}

export type Focus = 'prompt' | 'results' | 'migrations';
const focusOrder: Focus[] = ['prompt', 'results', 'migrations'];
/** A second Ctrl+C within this time quits */
const DOUBLE_INTERRUPT_MS = 1500;

/** keepHistory: the same history file (\\c DBNAME); notice: said in the status line once the new console is up */
export interface SwitchOptions {
  keepHistory?: boolean;
  notice?: string;
}

export interface AppProps {
  target: ResolvedTarget;
  readOnly: boolean;
  history: HistoryFile;
  /** What the previous console said on switching here (\\c DBNAME) */
  notice?: string | null;
  onExit(code: number): void;
  onSwitch(target: ResolvedTarget, options?: SwitchOptions): void;
  /** Start the prompt in vi mode (keys.json, or \\set vi on before a switch) */
  vi?: boolean;
  onViChange?(on: boolean): void;
  /** What was wrong in keys.json (shown once at start; those entries keep their default keys) */
  keyProblems?: readonly string[];
}

const NO_PROBLEMS: readonly string[] = [];

export function App({
  target,
  readOnly,
  history,
  notice: switchNotice = null,
  onExit,
  onSwitch,
  vi = false,
  onViChange,
  keyProblems = NO_PROBLEMS,
}: AppProps) {
  const { exit } = useApp();
  const size = useTerminalSize();
  const [attempt, setAttempt] = useState(0);
  const connection = useConnection(target, readOnly, attempt);
  // Down at start (server not up yet, network): retry with backoff, keeping the screen usable.
  useEffect(() => {
    if (connection.status !== 'down' || !connection.retry) return;
    const timer = setTimeout(() => setAttempt((count) => count + 1), Math.min(15_000, 1000 * 2 ** Math.min(attempt, 4)));
    return () => clearTimeout(timer);
  }, [connection, attempt]);
  const adapter = connection.status === 'connected' ? connection.adapter : null;
  const session = connection.status === 'connected' ? connection.session : null;
  const dialect = dialectOf(adapter?.backend ?? 'sqlite');
  const query = useQuerySession(session);
  const panels = useLivePanels(adapter, session, target.settings.migrationsDir);
  const initialHistory = useMemo(() => history.load(), [history]);
  const editor = usePromptEditor(dialect, initialHistory, vi);
  const [focus, setFocus, focusRef] = useRefState<Focus>('prompt');
  const [help, setHelp, helpRef] = useRefState<{ offset: number } | null>(null);
  const [recordView, setRecordView] = useState(false);
  /** The last result only, in the record view (its statement ended with \G) */
  const [oneRecordView, setOneRecordView] = useState(false);
  const shownAsRecords = recordView || oneRecordView;
  const toggleRecordView = useCallback(() => {
    setRecordView(!shownAsRecords);
    setOneRecordView(false);
  }, [shownAsRecords]);
  const [timing, setTiming] = useState(true);
  const [notice, setNotice] = useState<string | null>(switchNotice ?? history.problem);
  const [now, setNow] = useState(() => performance.now());
  const lastInterrupt = useRef(0);
  const historyProblemShown = useRef(false);
  /** The last statement that returned rows, for \\export */
  const lastQuery = useRef<string | null>(null);
  /** The last SQL statement run (whatever it does), for \e on an empty prompt */
  const lastStatement = useRef<string | null>(null);
  const quitGuard = useQuitGuard(session, setNotice);
  const guardedSwitch = useCallback((next: ResolvedTarget) => quitGuard.guard(() => onSwitch(next), 'switch'), [quitGuard, onSwitch]);
  const switchRef = useRef(guardedSwitch);
  switchRef.current = guardedSwitch;
  // The switcher may keep the callback of its first render: go through a ref to the current one.
  const profiles = useProfileSwitcher(
    target.profileName,
    useCallback((next: ResolvedTarget) => switchRef.current(next), []),
    target.source === 'memory' || target.source === 'pid',
  );
  /** A pending yes/no question (production confirmation): the next key answers it */
  const pendingAnswer = useRef<((yes: boolean) => void) | null>(null);
  const confirm = useCallback(
    (question: string) =>
      new Promise<boolean>((resolve) => {
        setNotice(question);
        pendingAnswer.current = (yes) => {
          pendingAnswer.current = null;
          setNotice(null);
          resolve(yes);
        };
      }),
    [],
  );
  const watch = useWatch(query.run, setNotice);
  const resultCopy = useResultCopy(setNotice);
  const namedQueries = useMemo(() => new NamedQueryStore(), []);
  /** confirmInput, defined below: a named query's SQL is asked about as typed SQL is */
  const confirmRef = useRef<(text: string, statements: string[]) => Promise<boolean>>(async () => false);
  // The database a USE chose (MySQL), read from the server after every USE; null when it is the DSN's.
  const dsnDatabase = useMemo(() => databaseOf(target), [target]);
  const [sessionDatabase, setSessionDatabase] = useState<string | null>(null);
  const [sessionSearchPath, setSessionSearchPath] = useState<string | null>(null);
  const usedDatabase = sessionDatabase !== null && sessionDatabase !== dsnDatabase ? sessionDatabase : null;
  const completion = useCompletion(adapter, session, panels.facts?.ok ? panels.facts.value : null, editor, setNotice);

  const warnings = useMemo(() => dsnWarnings(target), [target]);
  const layout = consoleLayout(size.columns, size.rows, editor.buffer.text.split('\n').length, warnings.length, Boolean(adapter?.activity));
  const outcome = query.outcome;
  const activity = useServerActivity(
    layout.showPanels ? adapter : null,
    session?.othersMustWait === true,
    panels.pool,
    query.running !== null,
  );
  const viewer = useValueViewer(layout.width, layout.resultHeight);
  const blocks = useResultBlocks(query, layout.width, layout.resultHeight);
  const navigation = useResultNavigation(outcome, query, layout.width, setNotice);
  const sorting = useResultSort(query, layout.width, setNotice);
  const newest = newestChrome(query, layout.width);
  const newestHeight = Math.max(1, layout.resultHeight - newest.above.length - newest.below.length);
  const rowsHeight = Math.max(1, newestHeight - (outcome?.kind === 'rows' && !shownAsRecords ? TABLE_CHROME : 1));

  useEffect(() => {
    query.scroll({ type: 'resize', height: rowsHeight, viewWidth: layout.width });
  }, [rowsHeight, layout.width, query.scroll]);
  const lineWidth = outcome?.kind === 'rows' ? outcome.source.layoutAt(layout.width).lineWidth : 0;
  useEffect(() => {
    query.scroll({ type: 'lineWidth', width: lineWidth });
  }, [lineWidth, query.scroll]);
  useEffect(() => {
    if (!query.running) return;
    const timer = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(timer);
  }, [query.running]);
  useEffect(() => {
    if (keyProblems.length === 0) return;
    query.show({ ...keyProblemOutcome(keyProblems), transient: true });
  }, [keyProblems, query.show]);
  useEffect(() => {
    if (connection.status !== 'down') return;
    query.show({ kind: 'error', message: downHeadline(connection), hint: connection.hint, statement: '', position: null, transient: true });
    // A wrong password or DSN will not fix itself: offer the other profiles at once.
    if (connection.pickProfile) profiles.open(true);
  }, [connection, query.show]);

  // Migration details on demand: focusing the migration panel lists every migration, read again
  // whenever the panel's summary changes (a migration applied elsewhere) so both agree.
  useEffect(() => {
    if (focus !== 'migrations' || !adapter || session?.othersMustWait) return;
    let current = true;
    void query
      .closeSource()
      .then(() => migrationDetails(adapter, target.settings.migrationsDir))
      .then((details) => {
        if (current) query.show({ ...details, transient: true });
      });
    return () => {
      current = false;
    };
  }, [focus, adapter, session, target, query.closeSource, query.show, panels.migrations]);

  const quit = useCallback(
    (code: number) => {
      onExit(code);
      exit();
    },
    [exit, onExit],
  );

  /** Runs one statement or command; false when it failed or did not run (the rest of the input stops). */
  const runOne = useCallback(
    async (statement: string): Promise<boolean> => {
      if (isBackslashCommand(statement)) {
        const command = parseBackslashCommand(statement);
        if (command.kind === 'quit') {
          quitGuard.guard(() => quit(0), 'quit');
          return true;
        }
        if (command.kind === 'toggleRecord') {
          toggleRecordView();
          setNotice(`record view ${shownAsRecords ? 'off' : 'on'}`);
          return true;
        }
        if (command.kind === 'setVi') {
          editor.setVi(command.on);
          onViChange?.(command.on);
          setNotice(command.on ? 'vi mode on: Esc for normal mode, i to insert' : 'vi mode off');
          return true;
        }
        if (command.kind === 'toggleTiming') {
          setTiming((value) => !value);
          setNotice(`timing ${timing ? 'off' : 'on'}`);
          return true;
        }
        if (isNamedQueryCommand(command)) {
          const answer = await query.closeSource().then(() => runNamedQueryCommand(command, namedQueries, statement));
          query.show(answer);
          return answer.kind !== 'error';
        }
        if (command.kind === 'namedRun') {
          // The saved SQL runs as if typed: the same question, guards and statement-by-statement run.
          const resolved = resolveNamedQuery(namedQueries, command.name, command.args);
          if (!resolved.ok) {
            query.show({ kind: 'error', message: resolved.message, hint: resolved.hint, statement, position: null });
            return false;
          }
          const statements = statementsOfInput(resolved.sql, dialect);
          if (!(await confirmRef.current(statement, statements))) return false;
          for (const each of statements) if (!(await runOne(each))) return false;
          return true;
        }
        if (!adapter) {
          query.show({ kind: 'error', message: 'Not connected.', hint: null, statement, position: null });
          return false;
        }
        if (command.kind === 'explain')
          return (
            (
              await query.runTask(statement, (open, signal) =>
                explainOutcome(open, command.sql, command.analyze, dialect, signal, statement),
              )
            )?.kind !== 'error'
          );
        if (command.kind === 'export') {
          // The rows on screen first: nothing runs again (export-choice.ts says when it may).
          const choice = chooseExportRows({
            focused: blocks.focused,
            newest: query.outcome,
            lastReadOnlyQuery: lastQuery.current,
            dialect,
            command: statement,
          });
          if (choice.kind === 'refused') {
            query.show(choice.outcome);
            return false;
          }
          if (choice.kind === 'held') {
            await query.closeSource();
            const written = await exportHeld(choice.columns, choice.rows, command.file, choice.statement, choice.partial);
            query.show(written);
            return written.kind !== 'error';
          }
          // Said before it runs: the rows are read again from the server (a read-only statement only).
          setNotice(choice.notice);
          return (
            (await query.runTask(statement, (open, signal) => exportResult(open, choice.statement, command.file, signal)))?.kind !== 'error'
          );
        }
        if (command.kind === 'watch') {
          const chosen = statementToWatch(lastStatement.current, dialect);
          if (!chosen.ok) {
            query.show({ kind: 'error', message: chosen.message, hint: chosen.hint, statement, position: null });
            return false;
          }
          return watch.run(chosen.statement, command.seconds);
        }
        if (command.kind === 'listDatabases') return (await query.run(listDatabasesStatement(dialect)))?.kind !== 'error';
        if (command.kind === 'connect') {
          const change = planDatabaseChange(target, session?.transactionState() ?? 'idle', command.database, statement);
          if (change.kind === 'refused') {
            query.show(change.outcome);
            return false;
          }
          if (change.kind === 'use') return runOne(change.statement);
          await query.closeSource();
          setNotice(`connecting to database ${command.database}…`);
          const failed = await tryTarget(change.target, readOnly, statement);
          setNotice(null);
          if (failed) {
            query.show(failed);
            return false;
          }
          onSwitch(change.target, {
            keepHistory: true,
            notice: `connected to database ${command.database} (a new connection: SET settings and temporary tables of the old one are gone)`,
          });
          return true;
        }
        await query.closeSource();
        if (session?.othersMustWait) {
          query.show({
            kind: 'error',
            message: 'A transaction holds the only connection.',
            hint: 'COMMIT or ROLLBACK first, then run the command again.',
            statement,
            position: null,
          });
          return false;
        }
        const facts = panels.facts?.ok ? panels.facts.value : null;
        const answer = await runBackslash(
          command,
          { adapter, target, facts, signal: new AbortController().signal, database: sessionDatabase, searchPath: sessionSearchPath },
          statement,
        );
        query.show(answer);
        return answer.kind !== 'error';
      }
      if (!session) {
        query.show({
          kind: 'error',
          message: 'Not connected.',
          hint: connection.status === 'down' ? connection.hint : 'Wait for the connection.',
          statement,
          position: null,
        });
        return false;
      }
      setNotice(null);
      // mycli's habit: `…\G` shows this statement's result in the record view; the server never sees \G.
      const asRecords = recordViewRequest(statement);
      if (asRecords !== null) statement = asRecords;
      setOneRecordView(asRecords !== null);
      // \export runs the last query again: only one that changes nothing may be kept for it.
      const kind = classifyStatement(statement, dialect);
      if (kind.returnsRows && kind.readOnly) lastQuery.current = statement;
      lastStatement.current = statement;
      const outcome = await query.run(statement);
      completion.ran(statement, outcome !== null && outcome.kind !== 'error');
      const readDatabase = currentDatabaseStatement(dialect);
      if (readDatabase !== null && outcome !== null && outcome.kind !== 'error' && kind.keyword === 'USE')
        await session.readDatabase(readDatabase);
      const readSearchPath = searchPathStatement(dialect, kind);
      if (readSearchPath !== null && outcome !== null && outcome.kind !== 'error') await session.readSearchPath(readSearchPath);
      // A lost connection takes a USE along: the next session starts in the DSN's database.
      setSessionDatabase(session.database);
      setSessionSearchPath(session.searchPath);
      setNotice((current) => (current?.startsWith('cancelling') ? null : current));
      // Said once: history cannot be saved (read-only HOME in a pod), it stays in memory.
      if (history.problem && !historyProblemShown.current) {
        historyProblemShown.current = true;
        setNotice(history.problem);
      }
      return outcome !== null && outcome.kind !== 'error';
    },
    [
      adapter,
      session,
      completion,
      connection,
      confirm,
      dialect,
      editor,
      history,
      namedQueries,
      onSwitch,
      onViChange,
      panels.facts,
      query,
      quit,
      quitGuard,
      readOnly,
      sessionDatabase,
      sessionSearchPath,
      shownAsRecords,
      target,
      timing,
      toggleRecordView,
      watch,
    ],
  );
  /** Asks once about the destructive statements of an input before any of it runs. */
  const confirmInput = useCallback(
    async (text: string, statements: string[]): Promise<boolean> => {
      const danger = inputDanger(statements, dialect, target.settings);
      if (danger === null) return true;
      await query.closeSource();
      query.show({ kind: 'info', title: danger.title, lines: danger.lines, transient: true });
      if (await confirm(danger.question)) return true;
      query.show({
        kind: 'info',
        title: `Not run (cancelled); the ${statements.length === 1 ? 'statement is' : `${statements.length} statements are`} back in the prompt.`,
        lines: [],
      });
      setNotice('not run');
      editor.apply({ type: 'set', text });
      return false;
    },
    [confirm, dialect, editor, query, target],
  );
  confirmRef.current = confirmInput;
  const queue = useStatementQueue<QueuedInput>(
    (item) => (item.kind === 'confirm' ? confirmInput(item.text, item.statements) : runOne(item.statement)),
    connection.status === 'connecting',
    (failed, notRun) => {
      if (failed.kind === 'run' && notRun.length > 0) {
        setNotice(stoppedNotice(notRun.length));
        query.noteOnNewest(stoppedNotice(notRun.length));
      }
    },
  );
  const { write: writeStdout } = useStdout();
  /** \e: the text before it (or the last statement) in the user's editor, put back into the prompt, not run */
  const editInEditor = useCallback(
    (before: string) => {
      const edited = editExternally(before !== '' ? before : (lastStatement.current ?? ''));
      // The editor left the screen blank: Ink draws its whole frame again.
      writeStdout('');
      editor.apply({ type: 'set', text: edited.ok ? edited.text : before });
      if (edited.ok) setNotice(`edited in ${edited.editor.split(/\s/)[0]?.split('/').pop() ?? 'the editor'}: Enter runs it`);
      else query.show({ kind: 'error', message: edited.message, hint: edited.hint, statement: '\\e', position: null });
    },
    [editor, query, writeStdout],
  );
  const submissions = useSubmissions(
    (texts) => {
      // A line ending in \e is edited, not run (pgcli's habit), and does not wait for the queue.
      const edit = texts.length === 1 ? editorRequest(texts[0] ?? '') : null;
      if (edit !== null) editInEditor(edit);
      else
        queue.enqueue(
          queuedInput(
            texts.join('\n'),
            texts.flatMap((text) => statementsOfInput(text, dialect)),
          ),
        );
    },
    (text) => history.save(editor.remember(text)),
  );

  const interrupt = useCallback(() => {
    const at = Date.now();
    // A second Ctrl+C soon after one that cancelled a statement quits (a cancel that hangs);
    // at a prompt Ctrl+C only clears it: quitting is Ctrl+D or \q.
    if (at - lastInterrupt.current < DOUBLE_INTERRUPT_MS) {
      lastInterrupt.current = 0;
      quitGuard.guard(() => quit(130), 'quit');
      return;
    }
    queue.clear();
    // A stream that was still being read ends here: the notice says so once it is closed, since
    // no statement's end will clear "cancelling…".
    const stopping = query.cancel(() =>
      setNotice((current) => (current?.startsWith('cancelling') ? 'stopped reading the result' : current)),
    );
    if (stopping !== null) {
      lastInterrupt.current = at;
      setNotice(cancellingNotice());
      return;
    }
    lastInterrupt.current = 0;
    if (editor.read().text !== '' || focusRef.current !== 'prompt') editor.apply({ type: 'clear' });
    setNotice(quitNotice());
  }, [editor, focusRef, query, queue, quit, quitGuard]);

  /** F5: the prompt's statement explained (never run); the text stays in the prompt. */
  const explainPrompt = (): void => {
    const text = editor.read().text.trim();
    if (text === '' || isBackslashCommand(text)) {
      setNotice(explainNotice(text === ''));
      return;
    }
    queue.enqueue([{ kind: 'run', statement: `\\explain ${text}` }]);
  };

  const resultKey = (event: KeyEvent): boolean => {
    if (resultCopy.handleKey(event, outcome, query.windowRef.current.focused, query.windowRef.current.focusedColumn)) return true;
    if (navigation.handleKey(event)) return true;
    if (commandFor(event, 'results') === 'results.sortAscending') {
      void sorting.sort('ascending');
      return true;
    }
    if (commandFor(event, 'results') === 'results.sortDescending') {
      void sorting.sort('descending');
      return true;
    }
    if (blocks.handleKey(event)) return true;
    const command = commandFor(event, 'results');
    const scrollActions = {
      'scroll.lineUp': 'lineUp',
      'scroll.lineDown': 'lineDown',
      'scroll.pageUp': 'pageUp',
      'scroll.pageDown': 'pageDown',
      'scroll.top': 'top',
      'scroll.bottom': 'bottom',
      'scroll.left': 'scrollLeft',
      'scroll.right': 'scrollRight',
      'scroll.pageLeft': 'pageLeft',
      'scroll.pageRight': 'pageRight',
    } as const;
    if (command && command in scrollActions) {
      query.scroll({ type: scrollActions[command as keyof typeof scrollActions] });
      return true;
    }
    if (command === 'results.record') {
      toggleRecordView();
      return true;
    }
    if (command === 'results.back') {
      setFocus('prompt');
      return true;
    }
    if (command === 'results.help') {
      setHelp({ offset: 0 });
      return true;
    }
    if (command === 'results.viewValue') {
      const row = outcome?.kind === 'rows' ? outcome.source.rows.get(query.windowRef.current.focused) : undefined;
      if (outcome?.kind === 'rows' && Array.isArray(row))
        viewer.open({ columns: outcome.source.columns, row, rowNumber: query.windowRef.current.focused + 1 });
      else setNotice('no row to view');
      return true;
    }
    if (command === 'results.copyCell') {
      resultCopy.copy(outcome, 'cell', query.windowRef.current.focused, query.windowRef.current.focusedColumn);
      return true;
    }
    if (command === 'results.copyRow') {
      resultCopy.copy(outcome, 'row', query.windowRef.current.focused, query.windowRef.current.focusedColumn);
      return true;
    }
    if (command === 'results.copyColumn') {
      resultCopy.choose('column');
      return true;
    }
    if (command === 'results.copyResult') {
      resultCopy.choose('result');
      return true;
    }
    return false;
  };

  const onKey = (event: KeyEvent): void => {
    const focus = focusRef.current;
    const help = helpRef.current;
    // Keys typed faster than one read each arrive as one text run; outside the prompt (and the
    // profile form) every character is its own command.
    const splitKeys = focus !== 'prompt' || help !== null || (profiles.isOpenNow() && profiles.state.form === null);
    if (event.name === 'char' && splitKeys && [...event.text].length > 1) {
      for (const char of event.text) onKey(keyEvent('char', { text: char, meta: event.meta }));
      return;
    }
    if (event.name === 'pasteStart' || event.name === 'pasteEnd') {
      submissions.pasteBoundary(event.name);
      return;
    }
    // Any key ends a \watch (Ctrl+C also cancels the run in progress); the key does nothing else.
    if (watch.stop()) {
      if (matches(event, 'app.interrupt')) query.cancel();
      return;
    }
    if (pendingAnswer.current) {
      pendingAnswer.current(event.name === 'char' && /^y$/i.test(event.text));
      return;
    }
    if (quitGuard.handleKey(event)) return;
    if (matches(event, 'app.interrupt')) {
      interrupt();
      return;
    }
    if (profiles.isOpenNow() && profiles.handleKey(event)) return;
    if (matches(event, 'app.profiles')) {
      setHelp(null);
      profiles.open();
      return;
    }
    if (help) {
      const lines = helpLines().length;
      if (matches(event, 'scroll.lineDown') || matches(event, 'scroll.pageDown'))
        setHelp({
          offset: Math.min(
            Math.max(0, lines - layout.resultHeight + 1),
            help.offset + (event.name === 'down' ? 1 : layout.resultHeight - 1),
          ),
        });
      else if (matches(event, 'scroll.lineUp') || matches(event, 'scroll.pageUp'))
        setHelp({ offset: Math.max(0, help.offset - (event.name === 'up' ? 1 : layout.resultHeight - 1)) });
      else setHelp(null);
      return;
    }
    if (viewer.handleKey(event)) return;
    if (matches(event, 'app.help')) {
      setHelp({ offset: 0 });
      return;
    }
    if (matches(event, 'app.focusNext')) {
      setFocus((current) => focusOrder[(focusOrder.indexOf(current) + 1) % focusOrder.length] ?? 'prompt');
      return;
    }
    if (matches(event, 'app.toggleRecord')) {
      toggleRecordView();
      return;
    }
    if (matches(event, 'app.quit')) {
      if (editor.read().text === '') quitGuard.guard(() => quit(0), 'quit');
      return;
    }
    if ((focus === 'results' || focus === 'migrations') && resultKey(event)) return;
    if (focus !== 'prompt' && (event.name === 'char' || event.name === 'paste') && !event.meta) setFocus('prompt');
    if (focus === 'migrations' && event.name === 'escape') {
      setFocus('prompt');
      return;
    }
    if (matches(event, 'scroll.pageDown') && event.name !== 'char') {
      query.scroll({ type: 'pageDown' });
      return;
    }
    if (matches(event, 'scroll.pageUp') && event.name !== 'char') {
      query.scroll({ type: 'pageUp' });
      return;
    }
    if (matches(event, 'prompt.complete')) {
      void completion.complete();
      return;
    }
    if (focus === 'prompt' && matches(event, 'prompt.explain')) {
      explainPrompt();
      return;
    }
    lastInterrupt.current = 0;
    submissions.submit(editor.handleKey(event));
  };
  useTerminalInput(onKey);

  const facts = panels.facts?.ok ? panels.facts.value : null;
  const connectionState =
    connection.status === 'connecting'
      ? attempt > 0
        ? 'reconnecting'
        : 'connecting'
      : connection.status === 'down'
        ? 'down'
        : (panels.pool?.lost ?? 0) > 0
          ? 'lost'
          : (panels.facts?.ok === false || panels.facts?.staleBecause) && !panels.facts.paused
            ? 'reconnecting'
            : 'connected';
  const lines = profiles.isOpen
    ? profileLines(
        profiles.state,
        target.profileName,
        connection.status === 'down' ? { message: downHeadline(connection), hint: connection.hint } : null,
      )
    : viewer.lines
      ? viewer.lines
      : help
        ? [
            { text: 'Keys and commands (any other key closes)', tone: 'heading' as const },
            ...helpLines()
              .slice(help.offset, help.offset + layout.resultHeight - 1)
              .map((text) => ({ text, tone: 'normal' as const })),
          ]
        : blocks.lines([
            ...newest.above,
            ...markMatches(
              resultLines(outcome, query.window, { width: layout.width, height: newestHeight, recordView: shownAsRecords }).slice(
                0,
                newestHeight,
              ),
              navigation.highlighted,
            ),
            ...newest.below,
          ]);
  const runningMs = query.running ? Math.max(0, now - query.running.startedAt) : null;

  return (
    <Box flexDirection="column" width={layout.width} height={layout.height}>
      <Header
        target={target}
        backend={adapter?.backend ?? null}
        serverVersion={facts ? shortVersion(facts.product, facts.version) : null}
        transaction={query.transaction}
        connection={connectionState}
        readOnly={readOnly}
        running={query.running !== null}
        database={usedDatabase}
        width={layout.width}
      />
      {layout.showWarnings ? <WarningLine warnings={warnings} /> : null}
      {layout.showPanels ? (
        <PoolPanel
          pool={panels.pool}
          facts={panels.facts}
          locks={activity.locks}
          groups={adapter?.activity ? activity.groups : undefined}
        />
      ) : null}
      {layout.showPanels ? <MigrationPanel reading={panels.migrations} /> : null}
      <Text color={theme.muted} wrap="truncate-end">
        {(focus === 'results' ? '━' : '─').repeat(layout.width)}
      </Text>
      <ResultView lines={lines} height={layout.resultHeight} />
      <StatusLine
        text={[viModeLabel(editor.vi), statusText(outcome, query.window, { timing, focus }), sorting.label].filter(Boolean).join(' · ')}
        runningMs={runningMs}
        notice={notice}
      />
      <PromptView
        dialect={dialect}
        buffer={editor.buffer}
        search={editor.search}
        width={layout.width}
        maxLines={layout.promptLines}
        active={focus === 'prompt'}
      />
      <KeyHints focus={focus} />
    </Box>
  );
}
