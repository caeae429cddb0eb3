// Tab completion that knows the statement: the context at the cursor (completion-context.ts)
// says whether tables, a relation's columns or keywords are wanted, and the names come from a
// catalog cached until the console runs DDL. A huge catalog never delays typing: the fetch runs
// in the background, is cancelled when the prompt changes or Tab is pressed again, and its answer
// is dropped if the prompt changed meanwhile. It takes a connection only when one is free (never
// queueing behind the user's session, max_conns=1): when none is, completion uses what is cached
// and says it is paused.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Adapter, ServerFacts } from '../../adapters/adapter.js';
import { backgroundReader } from '../../adapters/background-reader.js';
import { classifyStatement } from '../../sql/classify-statement.js';
import { dialectOf } from '../../sql/dialect.js';
import { CompletionCatalog } from '../sql/completion-catalog.js';
import { completionContext } from '../sql/completion-context.js';
import { completionNames } from '../sql/completion-names.js';
import { commonPrefix, completionCandidates, SQL_KEYWORDS } from '../sql/completion.js';
import { databaseAfterUse } from '../sql/database-after-use.js';
import { sqlFunctions } from '../sql/sql-functions.js';
import { unqualifiedSchemas } from '../sql/unqualified-schemas.js';
import type { PromptEditor } from './use-prompt-editor.js';
import type { ConsoleSession } from '../query/console-session.js';
import { escapeControls } from '../../text/escape-controls.js';

/** How long a live panel's read of the only connection is given before Tab asks once more */
const BUSY_RETRY_MS = 150;

export interface Completion {
  /** Tab: complete the name at the cursor */
  complete(): Promise<void>;
  /** A statement the console ran: DDL refreshes the names, `USE db` changes the bare ones */
  ran(statement: string, succeeded: boolean): void;
}

export function useCompletion(
  adapter: Adapter | null,
  session: ConsoleSession | null,
  facts: ServerFacts | null,
  editor: PromptEditor,
  notify: (text: string | null) => void,
): Completion {
  const catalog = useMemo(() => (adapter ? new CompletionCatalog(backgroundReader(adapter)) : null), [adapter]);
  const dialect = dialectOf(adapter?.backend ?? 'sqlite');
  const usedDatabase = useRef<string | null>(null);
  const inFlight = useRef<{ controller: AbortController; text: string; cursor: number } | null>(null);
  const factsNow = useRef(facts);
  factsNow.current = facts;
  // Typing makes a pending fetch stale: stop it (a render may come after the Tab that started it
  // for keys typed before, so compare with what the fetch was for).
  useEffect(() => {
    const pending = inFlight.current;
    const now = editor.read();
    if (pending && (now.text !== pending.text || now.cursor !== pending.cursor)) pending.controller.abort();
  }, [editor, editor.buffer.text, editor.buffer.cursor]);

  const complete = useCallback(async () => {
    const { text, cursor } = editor.read();
    const context = completionContext(text, cursor, dialect);
    if (context === null || (context.name.prefix === '' && context.keywords)) return;
    inFlight.current?.controller.abort();
    const controller = new AbortController();
    inFlight.current = { controller, text, cursor };
    let names: Awaited<ReturnType<typeof completionNames>> = [];
    if (catalog && adapter) {
      const unqualified = unqualifiedSchemas(adapter, factsNow.current, usedDatabase.current, session?.searchPath ?? null);
      const lookup = { catalog, dialect, unqualified, usedDatabase: usedDatabase.current, signal: controller.signal };
      for (let attempt = 0; attempt < 2; attempt += 1) {
        catalog.paused = false;
        // A single connection held by an open transaction: only what is cached.
        catalog.offline = session?.othersMustWait === true;
        names = await completionNames(context, lookup);
        // Busy while the user holds nothing: a live panel's read had the only connection for a
        // moment (SQLite); one more try once it is done, not a poll.
        if (!catalog.paused || catalog.offline || session?.holding !== false || controller.signal.aborted) break;
        await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
      }
    }
    // The buffer may have changed while names were fetched: complete only the same word.
    const now = editor.read();
    if (controller.signal.aborted || now.text !== text || now.cursor !== cursor) return;
    const keywords = context.keywords ? [...SQL_KEYWORDS, ...sqlFunctions(dialect)] : [];
    const candidates = completionCandidates(context.name.prefix, names, keywords);
    const paused = catalog?.paused === true;
    if (candidates.length === 0) {
      notify(paused ? "completion paused: the only connection is the session's" : 'no completion');
      return;
    }
    const typed = text.slice(context.name.from, cursor);
    // One candidate is finished with a blank, unless a blank or punctuation already follows.
    const after = text[cursor];
    const finish = after === undefined || !/[\s),;.]/.test(after) ? ' ' : '';
    const replacement = candidates.length === 1 ? `${candidates[0]}${finish}` : commonPrefix(candidates);
    // A name holding control characters (a table named with ESC ]52) is listed escaped and never
    // put into the prompt, where it would reach the terminal raw.
    const insertable = escapeControls(replacement) === replacement;
    if (insertable && (replacement.length > typed.length || candidates.length === 1)) {
      editor.apply({ type: 'replaceRange', from: context.name.from, to: cursor, text: replacement });
    }
    notify(candidates.length > 1 || !insertable ? candidates.slice(0, 12).map(escapeControls).join('  ') : null);
  }, [adapter, catalog, dialect, editor, notify, session]);

  const ran = useCallback(
    (statement: string, succeeded: boolean) => {
      const { changes, keyword, transaction } = classifyStatement(statement, dialect);
      // DDL inside a transaction is seen by other connections only once it commits (or never):
      // the names read meanwhile are stale after COMMIT / ROLLBACK too.
      const ends = transaction === 'commit' || transaction === 'rollback' || transaction === 'rollback-to';
      if (changes === 'schema' || changes === 'unknown' || ends) catalog?.invalidate();
      const database = keyword === 'USE' && succeeded ? databaseAfterUse(statement, dialect) : null;
      if (database !== null) usedDatabase.current = database;
    },
    [catalog, dialect],
  );

  return useMemo(() => ({ complete, ran }), [complete, ran]);
}
