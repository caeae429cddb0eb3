// Moving around a result by its content: the focused column (< >), `@` to jump to a column by name
// (Tab completes), `/` to search the loaded rows (n / N step through the matches, highlighted).
import { useCallback, useRef, useState } from 'react';
import { columnSpan } from '../format/table-layout.js';
import { commandFor } from '../keys/key-bindings.js';
import type { KeyEvent } from '../keys/key-event.js';
import type { Outcome } from '../query/outcome.js';
import { columnCandidates, completeColumnName } from '../state/column-names.js';
import type { ResultWindow, ResultWindowAction } from '../state/result-window.js';
import { currentMatch, describeSearch, findMatches, startSearch, stepSearch, type ResultSearch } from '../state/result-search.js';

interface Query {
  windowRef: { readonly current: ResultWindow };
  scroll(action: ResultWindowAction): void;
}
type Asking = { kind: 'search' | 'column'; text: string };

export function useResultNavigation(outcome: Outcome | null, query: Query, width: number, setNotice: (text: string | null) => void) {
  const asking = useRef<Asking | null>(null);
  const [search, setSearch] = useState<{ of: Outcome; search: ResultSearch } | null>(null);
  const searchRef = useRef(search);
  searchRef.current = search;
  const rows = outcome?.kind === 'rows' ? outcome : null;

  const focusColumn = useCallback(
    (column: number, say = true) => {
      if (rows === null || rows.source.columns.length === 0) {
        setNotice('no columns to focus');
        return;
      }
      const { columns } = rows.source;
      const index = Math.max(0, Math.min(column, columns.length - 1));
      query.scroll({ type: 'focusColumn', column: index, ...columnSpan(rows.source.layoutAt(width), index) });
      if (say) setNotice(`column ${index + 1} of ${columns.length}: ${columns[index]?.name ?? ''}`);
    },
    [rows, query, width, setNotice],
  );

  const showMatch = useCallback(
    (next: ResultSearch) => {
      if (rows === null) return;
      setSearch({ of: rows, search: next });
      searchRef.current = { of: rows, search: next };
      const match = currentMatch(next);
      if (match) {
        query.scroll({ type: 'focus', row: match.row });
        focusColumn(match.column, false);
      }
      setNotice(describeSearch(next));
    },
    [rows, query, focusColumn, setNotice],
  );

  const prompt = (state: Asking) => {
    if (state.kind === 'search') return setNotice(`/${state.text}▏ (Enter searches the loaded rows, Esc cancels)`);
    const names = rows?.source.columns.map((column) => column.name) ?? [];
    const candidates = columnCandidates(names, state.text)
      .map((index) => names[index])
      .slice(0, 6);
    setNotice(
      `@${state.text}▏ column: ${candidates.length > 0 ? candidates.join(', ') : 'no such column'} (Tab completes, Enter jumps, Esc cancels)`,
    );
  };

  const submit = (state: Asking) => {
    if (rows === null) {
      setNotice('no result rows');
      return;
    }
    if (state.kind === 'column') {
      const names = rows.source.columns.map((column) => column.name);
      const found = columnCandidates(names, state.text)[0];
      if (state.text === '' || found === undefined) setNotice(`no column named like "${state.text}" (the columns: ${names.join(', ')})`);
      else focusColumn(found);
      return;
    }
    if (state.text === '') {
      setNotice('not searched (nothing typed)');
      return;
    }
    const { rows: store } = rows.source;
    showMatch(
      startSearch(
        state.text,
        findMatches((index) => store.get(index), store.rowCount, state.text),
        query.windowRef.current.focused,
        store.rowCount,
      ),
    );
  };

  /** Keys while `/` or `@` asks for text. */
  const answerKey = (event: KeyEvent, state: Asking): void => {
    if (event.name === 'return') {
      asking.current = null;
      submit(state);
      return;
    }
    if (event.name === 'escape' || (event.ctrl && event.name === 'char' && event.text === 'g')) {
      asking.current = null;
      setNotice(null);
      return;
    }
    let text = state.text;
    if (event.name === 'backspace') {
      if (text === '') {
        asking.current = null;
        setNotice(null);
        return;
      }
      text = [...text].slice(0, -1).join('');
    } else if (event.name === 'tab' && state.kind === 'column') {
      text = completeColumnName(rows?.source.columns.map((column) => column.name) ?? [], text);
    } else if ((event.name === 'char' || event.name === 'paste') && !event.ctrl && !event.meta) {
      text += event.text.replace(/[\r\n]/g, '');
    } else return;
    asking.current = { ...state, text };
    prompt(asking.current);
  };

  /** True when the key was one of these commands (or text for `/` and `@`). */
  const handleKey = (event: KeyEvent): boolean => {
    const state = asking.current;
    if (state !== null) {
      answerKey(event, state);
      return true;
    }
    const command = commandFor(event, 'results');
    if (command === 'results.columnNext') {
      focusColumn(query.windowRef.current.focusedColumn + 1);
      return true;
    }
    if (command === 'results.columnPrevious') {
      focusColumn(query.windowRef.current.focusedColumn - 1);
      return true;
    }
    if (command === 'results.search' || command === 'results.jumpColumn') {
      if (rows === null) {
        setNotice('no result rows to search');
        return true;
      }
      asking.current = { kind: command === 'results.search' ? 'search' : 'column', text: '' };
      prompt(asking.current);
      return true;
    }
    if (command === 'results.searchNext' || command === 'results.searchPrevious') {
      const current = searchRef.current;
      if (current === null || current.of !== outcome) {
        setNotice('no search on this result: / searches the loaded rows');
        return true;
      }
      showMatch(stepSearch(current.search, command === 'results.searchNext' ? 1 : -1));
      return true;
    }
    return false;
  };

  /** The term to highlight in the grid: only on the result it was searched in. */
  const highlighted = search !== null && search.of === outcome ? search.search.term : null;
  return { handleKey, highlighted, isAsking: () => asking.current !== null };
}
