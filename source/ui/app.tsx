// The console: composes the header, live panels, result area, prompt and hint bar, and routes
// keys to them through the key table. State lives in hooks; this file only wires them.
import { Box, Text, useApp } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { dialectOf } from '../sql/dialect.js';
import type { ResolvedTarget } from '../profiles/target.js';
import type { HistoryFile } from './history-file.js';
import { useCompletion } from './hooks/use-completion.js';
import { downHeadline, useConnection } from './hooks/use-connection.js';
import { useLivePanels } from './hooks/use-live-panels.js';
import { usePromptEditor } from './hooks/use-prompt-editor.js';
import { useQuerySession } from './hooks/use-query-session.js';
import { useStatementQueue } from './hooks/use-statement-queue.js';
import { useTerminalInput } from './hooks/use-terminal-input.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { useRefState } from './hooks/use-ref-state.js';
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
import { exportResult } from './query/export-result.js';
import { migrationDetails } from './query/migration-details.js';
import { returnsRows } from './query/statement-kind.js';
import { listDatabasesStatement } from './sql/list-databases.js';
import { destructiveToConfirm } from './sql/destructive.js';
import { statusText } from './query/status-text.js';
import { isBackslashCommand, parseBackslashCommand } from './sql/backslash-commands.js';
import { copyToClipboard } from './copy.js';
import { theme } from './theme.js';

/** "PostgreSQL 15.20" from "PostgreSQL 15.20 (Debian …) on x86_64 …" */
function shortVersion(product: string, version: string): string {
  const short = version.split(/ \(| on |, /)[0] ?? version;
  return short.toLowerCase().startsWith(product.toLowerCase()) ? short : `${product} ${short}`;
}

export type Focus = 'prompt' | 'results' | 'migrations';
const focusOrder: Focus[] = ['prompt', 'results', 'migrations'];
/** A second Ctrl+C within this time quits */
const DOUBLE_INTERRUPT_MS = 1500;

export interface AppProps {
  target: ResolvedTarget;
  readOnly: boolean;
  history: HistoryFile;
  onExit(code: number): void;
  onSwitch(target: ResolvedTarget): void;
}

export function App({ target, readOnly, history, onExit, onSwitch }: AppProps) {
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
  const editor = usePromptEditor(dialect, initialHistory);
  const [focus, setFocus, focusRef] = useRefState<Focus>('prompt');
  const [help, setHelp, helpRef] = useRefState<{ offset: number } | null>(null);
  const [recordView, setRecordView] = useState(false);
  const [timing, setTiming] = useState(true);
  const [notice, setNotice] = useState<string | null>(history.problem);
  const [now, setNow] = useState(() => performance.now());
  const lastInterrupt = useRef(0);
  const historyProblemShown = useRef(false);
  /** The last statement that returned rows, for \\export */
  const lastQuery = useRef<string | null>(null);
  const profiles = useProfileSwitcher(target.profileName, onSwitch);
  /** A pending yes/no question (production confirmation): the next key answers it */
  const pendingAnswer = useRef<((yes: boolean) => void) | null>(null);
  const confirm = useCallback((question: string) => new Promise<boolean>((resolve) => {
    setNotice(question);
    pendingAnswer.current = (yes) => { pendingAnswer.current = null; setNotice(null); resolve(yes); };
  }), []);
  const complete = useCompletion(adapter, session, editor, setNotice);

  const warnings = useMemo(() => dsnWarnings(target.dsn), [target.dsn]);
  const layout = consoleLayout(size.columns, size.rows, editor.buffer.text.split('\n').length, warnings.length);
  const outcome = query.outcome;
  const rowsHeight = Math.max(1, layout.resultHeight - (outcome?.kind === 'rows' && !recordView ? TABLE_CHROME : 1));

  useEffect(() => { query.scroll({ type: 'resize', height: rowsHeight, viewWidth: layout.width }); }, [rowsHeight, layout.width, query.scroll]);
  const lineWidth = outcome?.kind === 'rows' ? outcome.source.layout.lineWidth : 0;
  useEffect(() => { query.scroll({ type: 'lineWidth', width: lineWidth }); }, [lineWidth, query.scroll]);
  useEffect(() => {
    if (!query.running) return;
    const timer = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(timer);
  }, [query.running]);
  useEffect(() => {
    if (connection.status !== 'down') return;
    query.show({ kind: 'error', message: downHeadline(connection), hint: connection.hint, statement: '', position: null });
    // A wrong password or DSN will not fix itself: offer the other profiles at once.
    if (connection.pickProfile) profiles.open();
  }, [connection, query.show]);

  // Migration details on demand: focusing the migration panel lists every migration.
  useEffect(() => {
    if (focus !== 'migrations' || !adapter || session?.othersMustWait) return;
    let current = true;
    void query.closeSource().then(() => migrationDetails(adapter, target.settings.migrationsDir)).then((details) => { if (current) query.show(details); });
    return () => { current = false; };
  }, [focus, adapter, session, target, query.closeSource, query.show]);

  const quit = useCallback((code: number) => {
    onExit(code);
    exit();
  }, [exit, onExit]);

  const runOne = useCallback(async (statement: string) => {
    const saved = editor.remember(statement);
    history.save(saved);
    if (isBackslashCommand(statement)) {
      const command = parseBackslashCommand(statement);
      if (command.kind === 'quit') { quit(0); return; }
      if (command.kind === 'toggleRecord') { setRecordView((value) => !value); setNotice(`record view ${recordView ? 'off' : 'on'}`); return; }
      if (command.kind === 'toggleTiming') { setTiming((value) => !value); setNotice(`timing ${timing ? 'off' : 'on'}`); return; }
      if (!adapter) { query.show({ kind: 'error', message: 'Not connected.', hint: null, statement, position: null }); return; }
      if (command.kind === 'export') {
        const last = lastQuery.current;
        if (last === null) { query.show({ kind: 'error', message: 'Nothing to export yet.', hint: 'Run a query first; \\export runs it again into the file.', statement, position: null }); return; }
        await query.runTask(statement, (open, signal) => exportResult(open, last, command.file, signal));
        return;
      }
      if (command.kind === 'listDatabases') { await query.run(listDatabasesStatement(dialect)); return; }
      await query.closeSource();
      if (session?.othersMustWait) { query.show({ kind: 'error', message: 'A transaction holds the only connection.', hint: 'COMMIT or ROLLBACK first, then run the command again.', statement, position: null }); return; }
      const facts = panels.facts?.ok ? panels.facts.value : null;
      query.show(await runBackslash(command, { adapter, target, facts, signal: new AbortController().signal }, statement));
      return;
    }
    if (!session) { query.show({ kind: 'error', message: 'Not connected.', hint: connection.status === 'down' ? connection.hint : 'Wait for the connection.', statement, position: null }); return; }
    setNotice(null);
    const danger = destructiveToConfirm(statement, dialect, target.settings);
    if (danger !== null) {
      // Ask with the statement itself in view: the person must see what would run.
      await query.closeSource();
      query.show({ kind: 'info', title: `${danger}: run this statement? y runs it, any other key cancels`, lines: statement.split('\n') });
      if (!(await confirm(`${target.settings.production ? 'production profile' : 'confirm'}: ${danger} — press y to run it, any other key cancels`))) {
        query.show({ kind: 'info', title: 'Not run (cancelled); the statement is back in the prompt.', lines: [] });
        setNotice('not run');
        editor.apply({ type: 'set', text: statement });
        return;
      }
    }
    if (returnsRows(statement)) lastQuery.current = statement;
    await query.run(statement);
    setNotice((current) => (current?.startsWith('cancelling') ? null : current));
    // Said once: history cannot be saved (read-only HOME in a pod), it stays in memory.
    if (history.problem && !historyProblemShown.current) { historyProblemShown.current = true; setNotice(history.problem); }
  }, [adapter, session, connection, confirm, dialect, editor, history, panels.facts, query, quit, recordView, target, timing]);
  const queue = useStatementQueue(runOne, connection.status === 'connecting');

  const interrupt = useCallback(() => {
    const at = Date.now();
    if (at - lastInterrupt.current < DOUBLE_INTERRUPT_MS) { quit(130); return; }
    lastInterrupt.current = at;
    queue.clear();
    if (query.cancel()) { setNotice('cancelling… (Ctrl+C again quits)'); return; }
    if (editor.read().text === '' && focusRef.current === 'prompt') { quit(130); return; }
    editor.apply({ type: 'clear' });
    setNotice('Ctrl+C again quits');
  }, [editor, focusRef, query, queue, quit]);

  const resultKey = (event: KeyEvent): boolean => {
    const command = commandFor(event, 'results');
    const scrollActions = {
      'scroll.lineUp': 'lineUp', 'scroll.lineDown': 'lineDown', 'scroll.pageUp': 'pageUp', 'scroll.pageDown': 'pageDown',
      'scroll.top': 'top', 'scroll.bottom': 'bottom', 'scroll.left': 'scrollLeft', 'scroll.right': 'scrollRight',
    } as const;
    if (command && command in scrollActions) { query.scroll({ type: scrollActions[command as keyof typeof scrollActions] }); return true; }
    if (command === 'results.record') { setRecordView((value) => !value); return true; }
    if (command === 'results.back') { setFocus('prompt'); return true; }
    if (command === 'results.help') { setHelp({ offset: 0 }); return true; }
    if (command === 'results.copyCell') { setNotice(copyToClipboard(outcome, query.window.focused)); return true; }
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
    if (pendingAnswer.current) { pendingAnswer.current(event.name === 'char' && /^y$/i.test(event.text)); return; }
    if (matches(event, 'app.interrupt')) { interrupt(); return; }
    if (profiles.isOpenNow()) { profiles.handleKey(event); return; }
    if (matches(event, 'app.profiles')) { setHelp(null); profiles.open(); return; }
    if (help) {
      const lines = helpLines().length;
      if (matches(event, 'scroll.lineDown') || matches(event, 'scroll.pageDown')) setHelp({ offset: Math.min(Math.max(0, lines - layout.resultHeight + 1), help.offset + (event.name === 'down' ? 1 : layout.resultHeight - 1)) });
      else if (matches(event, 'scroll.lineUp') || matches(event, 'scroll.pageUp')) setHelp({ offset: Math.max(0, help.offset - (event.name === 'up' ? 1 : layout.resultHeight - 1)) });
      else setHelp(null);
      return;
    }
    if (matches(event, 'app.help')) { setHelp({ offset: 0 }); return; }
    if (matches(event, 'app.focusNext')) { setFocus((current) => focusOrder[(focusOrder.indexOf(current) + 1) % focusOrder.length] ?? 'prompt'); return; }
    if (matches(event, 'app.toggleRecord')) { setRecordView((value) => !value); return; }
    if (matches(event, 'app.quit')) { if (editor.read().text === '') quit(0); return; }
    if ((focus === 'results' || focus === 'migrations') && resultKey(event)) return;
    if (focus !== 'prompt' && (event.name === 'char' || event.name === 'paste') && !event.meta) setFocus('prompt');
    if (focus === 'migrations' && event.name === 'escape') { setFocus('prompt'); return; }
    if (matches(event, 'scroll.pageDown') && event.name !== 'char') { query.scroll({ type: 'pageDown' }); return; }
    if (matches(event, 'scroll.pageUp') && event.name !== 'char') { query.scroll({ type: 'pageUp' }); return; }
    if (matches(event, 'prompt.complete')) { void complete(); return; }
    lastInterrupt.current = 0;
    queue.enqueue(editor.handleKey(event));
  };
  useTerminalInput(onKey);

  const facts = panels.facts?.ok ? panels.facts.value : null;
  const connectionState = connection.status === 'connecting' ? (attempt > 0 ? 'reconnecting' : 'connecting')
    : connection.status === 'down' ? 'down' : panels.facts?.ok === false || panels.facts?.staleBecause ? 'reconnecting' : 'connected';
  const lines = profiles.isOpen
    ? profileLines(profiles.state, target.profileName, connection.status === 'down' ? { message: downHeadline(connection), hint: connection.hint } : null)
    : help
    ? [{ text: 'Keys and commands (any other key closes)', tone: 'heading' as const }, ...helpLines().slice(help.offset, help.offset + layout.resultHeight - 1).map((text) => ({ text, tone: 'normal' as const }))]
    : resultLines(outcome, query.window, { width: layout.width, height: layout.resultHeight, recordView });
  const runningMs = query.running ? Math.max(0, now - query.running.startedAt) : null;

  return (
    <Box flexDirection="column" width={layout.width} height={layout.height}>
      <Header
        target={target} backend={adapter?.backend ?? null} serverVersion={facts ? shortVersion(facts.product, facts.version) : null}
        transaction={query.transaction} connection={connectionState} readOnly={readOnly} width={layout.width}
      />
      {layout.showWarnings ? <WarningLine warnings={warnings} /> : null}
      {layout.showPanels ? <PoolPanel pool={panels.pool} facts={panels.facts} /> : null}
      {layout.showPanels ? <MigrationPanel reading={panels.migrations} /> : null}
      <Text color={theme.muted} wrap="truncate-end">{(focus === 'results' ? '━' : '─').repeat(layout.width)}</Text>
      <ResultView lines={lines} height={layout.resultHeight} />
      <StatusLine text={statusText(outcome, query.window, { timing, focus })} runningMs={runningMs} notice={notice} />
      <PromptView dialect={dialect} buffer={editor.buffer} search={editor.search} width={layout.width} maxLines={layout.promptLines} active={focus === 'prompt'} />
      <KeyHints focus={focus} />
    </Box>
  );
}
