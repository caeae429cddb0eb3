// The query prompt's editing: the buffer lives in a ref and changes only through the pure
// reducer, so keys and pasted chunks apply strictly in arrival order; a state tick re-renders.
// With vi mode on, every key goes through the vi state machine (vi-mode.ts) first; what it hands
// on is handled as in the default (emacs-style) mode. Text between bracketed-paste markers comes
// as paste events (use-terminal-input.ts), which vi hands on: typed text, whatever the mode.
import { useCallback, useRef, useState } from 'react';
import type { SqlDialect } from '../../sql/dialect.js';
import type { KeyEvent } from '../keys/key-event.js';
import { commandFor } from '../keys/key-bindings.js';
import { addToHistory, searchHistoryBackward } from '../state/history.js';
import { emptyPrompt, promptReducer, type PromptAction, type PromptBuffer } from '../state/prompt-buffer.js';
import { shouldRunOnEnter } from '../sql/statement-end.js';
import { viAfterSubmit, viKey, viState, type ViState } from '../state/vi-mode.js';

export interface HistorySearch {
  query: string;
  match: number;
}

export interface PromptEditor {
  buffer: PromptBuffer;
  /** The buffer now (for async callbacks that outlive a render) */
  read(): PromptBuffer;
  search: HistorySearch | null;
  /** Handles a key meant for the prompt; returns statements to run (in order) */
  handleKey(event: KeyEvent): string[];
  apply(action: PromptAction): void;
  remember(statement: string): string[];
  vi: ViState;
  setVi(on: boolean): void;
}

const editingCommands: Partial<Record<string, PromptAction>> = {
  'prompt.left': { type: 'left' },
  'prompt.right': { type: 'right' },
  'prompt.wordLeft': { type: 'wordLeft' },
  'prompt.wordRight': { type: 'wordRight' },
  'prompt.home': { type: 'home' },
  'prompt.end': { type: 'end' },
  'prompt.killToEnd': { type: 'killToEnd' },
  'prompt.killToStart': { type: 'killToStart' },
  'prompt.deleteWordBefore': { type: 'deleteWordBefore' },
  'prompt.backspace': { type: 'backspace' },
  'prompt.delete': { type: 'delete' },
  'prompt.historyPrev': { type: 'up' },
  'prompt.historyNext': { type: 'down' },
  'prompt.newline': { type: 'newline' },
};

export function usePromptEditor(dialect: SqlDialect, initialHistory: readonly string[], startVi = false): PromptEditor {
  const buffer = useRef<PromptBuffer>(emptyPrompt(initialHistory));
  const search = useRef<HistorySearch | null>(null);
  const vi = useRef<ViState>(viState(startVi));
  const [, setTick] = useState(0);
  const rerender = useCallback(() => setTick((tick) => tick + 1), []);

  const apply = useCallback(
    (action: PromptAction) => {
      buffer.current = promptReducer(buffer.current, action);
      rerender();
    },
    [rerender],
  );

  /** Takes the buffer's text as a statement to run and clears the prompt. */
  const take = (): string => {
    const statement = buffer.current.text;
    buffer.current = promptReducer(buffer.current, { type: 'clear' });
    vi.current = viAfterSubmit(vi.current);
    return statement;
  };

  /** Pasted text: line breaks are text, except after a statement terminated by `;`. */
  const paste = (text: string, out: string[]): void => {
    const pieces = text.split(/(\r\n|\r|\n)/);
    for (const piece of pieces) {
      if (/^(\r\n|\r|\n)$/.test(piece)) {
        // Blank lines before a statement (or the LF of a CRLF split after a run) mean nothing.
        if (buffer.current.text.trim() === '') continue;
        if (buffer.current.cursor === buffer.current.text.length && shouldRunOnEnter(buffer.current.text, dialect, true)) out.push(take());
        else buffer.current = promptReducer(buffer.current, { type: 'insert', text: piece });
      } else if (piece !== '') {
        buffer.current = promptReducer(buffer.current, { type: 'insert', text: piece });
      }
    }
  };

  const handleSearchKey = (event: KeyEvent, active: HistorySearch): void => {
    const history = buffer.current.history;
    const command = commandFor(event, 'prompt');
    if (command === 'prompt.searchHistory') {
      const match = searchHistoryBackward(history, active.query, active.match === -1 ? history.length : active.match);
      search.current = { ...active, match: match === -1 ? active.match : match };
    } else if (event.name === 'char') {
      const query = active.query + event.text;
      search.current = { query, match: searchHistoryBackward(history, query) };
    } else if (command === 'prompt.backspace') {
      const query = active.query.slice(0, -1);
      search.current = { query, match: searchHistoryBackward(history, query) };
    } else if (command === 'prompt.cancelSearch') {
      search.current = null;
      return;
    } else {
      // Any other key accepts the match and is handled as usual.
      search.current = null;
      if (active.match !== -1) buffer.current = promptReducer(buffer.current, { type: 'set', text: history[active.match] ?? '' });
    }
  };

  const handleKey = useCallback(
    (key: KeyEvent): string[] => {
      const out: string[] = [];
      let event = key;
      const active = search.current;
      if (active) {
        handleSearchKey(event, active);
        if (search.current !== null || commandFor(event, 'prompt') === 'prompt.cancelSearch') {
          rerender();
          return out;
        }
      }
      if (vi.current.enabled) {
        const step = viKey(vi.current, buffer.current, event);
        vi.current = step.vi;
        buffer.current = step.buffer;
        if (step.pass === null) {
          rerender();
          return out;
        }
        event = step.pass;
      }
      if (event.name === 'paste') {
        paste(event.text, out);
      } else if (event.name === 'char' && !event.ctrl && !event.meta) {
        buffer.current = promptReducer(buffer.current, { type: 'insert', text: event.text });
      } else {
        const command = commandFor(event, 'prompt');
        if (command === 'prompt.submit') {
          if (shouldRunOnEnter(buffer.current.text, dialect, false)) out.push(take());
          else if (buffer.current.text.trim() !== '') buffer.current = promptReducer(buffer.current, { type: 'newline' });
        } else if (command === 'prompt.searchHistory') {
          search.current = { query: '', match: -1 };
        } else if (command !== undefined) {
          const action = editingCommands[command];
          if (action) buffer.current = promptReducer(buffer.current, action);
        }
      }
      rerender();
      return out;
    },
    [dialect, rerender],
  );

  const remember = useCallback((statement: string): string[] => {
    const history = addToHistory(buffer.current.history, statement);
    buffer.current = promptReducer(buffer.current, { type: 'setHistory', history });
    return history;
  }, []);

  const setVi = useCallback(
    (on: boolean) => {
      vi.current = { ...viState(on), register: vi.current.register, registerLinewise: vi.current.registerLinewise };
      rerender();
    },
    [rerender],
  );

  const read = useCallback(() => buffer.current, []);
  return { buffer: buffer.current, read, search: search.current, handleKey, apply, remember, vi: vi.current, setVi };
}
