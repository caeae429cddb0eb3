// The query prompt's buffer as a pure reducer: text, cursor and history browsing. Every key and
// every pasted chunk is one action applied in order, so fast input can never race.
import {
  indexAt,
  lineAndColumn,
  lineCount,
  lineEnd,
  lineStart,
  nextCodePoint,
  previousCodePoint,
  wordEndAfter,
  wordStartBefore,
} from './text-motion.js';

export interface PromptBuffer {
  text: string;
  /** UTF-16 offset into text */
  cursor: number;
  /** Oldest first; the prompt browses it with Up/Down */
  history: readonly string[];
  /** Position while browsing history; null when editing the draft */
  historyIndex: number | null;
  /** What was typed before browsing started, restored when browsing past the newest entry */
  draft: string;
  /** The last insert ended with CR: an LF starting the next chunk is the same line break (CRLF split across chunks) */
  afterCarriageReturn?: boolean;
}

export type PromptAction =
  | { type: 'insert'; text: string }
  | { type: 'newline' }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'wordLeft' }
  | { type: 'wordRight' }
  | { type: 'killToEnd' }
  | { type: 'killToStart' }
  | { type: 'deleteWordBefore' }
  | { type: 'set'; text: string }
  | { type: 'clear' }
  | { type: 'replaceRange'; from: number; to: number; text: string }
  | { type: 'setHistory'; history: readonly string[] };

export function emptyPrompt(history: readonly string[] = []): PromptBuffer {
  return { text: '', cursor: 0, history, historyIndex: null, draft: '' };
}

/**
 * Line breaks become \n; a TAB stays a TAB (a pasted string must reach the server byte for byte;
 * the prompt shows it as a space); other control characters are dropped (ESC would corrupt the screen).
 */
export function normaliseInsertedText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
  );
}

function edit(state: PromptBuffer, from: number, to: number, text: string): PromptBuffer {
  return {
    ...state,
    text: state.text.slice(0, from) + text + state.text.slice(to),
    cursor: from + text.length,
    historyIndex: null,
  };
}

function recall(state: PromptBuffer, index: number | null): PromptBuffer {
  const text = index === null ? state.draft : (state.history[index] ?? '');
  return { ...state, text, cursor: text.length, historyIndex: index };
}

function moveVertically(state: PromptBuffer, delta: -1 | 1): PromptBuffer {
  const { line, column } = lineAndColumn(state.text, state.cursor);
  const target = line + delta;
  if (target >= 0 && target < lineCount(state.text)) {
    return { ...state, cursor: indexAt(state.text, target, column) };
  }
  // Off the first/last line: browse history.
  const { history, historyIndex } = state;
  if (delta < 0) {
    if (history.length === 0 || historyIndex === 0) return state;
    const draft = historyIndex === null ? state.text : state.draft;
    return recall({ ...state, draft }, historyIndex === null ? history.length - 1 : historyIndex - 1);
  }
  if (historyIndex === null) return state;
  return recall(state, historyIndex + 1 >= history.length ? null : historyIndex + 1);
}

export function promptReducer(previous: PromptBuffer, action: PromptAction): PromptBuffer {
  const state = action.type === 'insert' || !previous.afterCarriageReturn ? previous : { ...previous, afterCarriageReturn: false };
  const { text, cursor } = state;
  switch (action.type) {
    case 'insert': {
      const raw = state.afterCarriageReturn && action.text.startsWith('\n') ? action.text.slice(1) : action.text;
      const inserted = normaliseInsertedText(raw);
      const next = inserted === '' ? state : edit(state, cursor, cursor, inserted);
      return { ...next, afterCarriageReturn: raw === '' ? action.text === '' && state.afterCarriageReturn : raw.endsWith('\r') };
    }
    case 'newline':
      return edit(state, cursor, cursor, '\n');
    case 'backspace':
      return cursor === 0 ? state : edit(state, previousCodePoint(text, cursor), cursor, '');
    case 'delete':
      return cursor >= text.length ? state : edit(state, cursor, nextCodePoint(text, cursor), '');
    case 'left':
      return { ...state, cursor: previousCodePoint(text, cursor) };
    case 'right':
      return { ...state, cursor: nextCodePoint(text, cursor) };
    case 'up':
      return moveVertically(state, -1);
    case 'down':
      return moveVertically(state, 1);
    case 'home':
      return { ...state, cursor: lineStart(text, cursor) };
    case 'end':
      return { ...state, cursor: lineEnd(text, cursor) };
    case 'wordLeft':
      return { ...state, cursor: wordStartBefore(text, cursor) };
    case 'wordRight':
      return { ...state, cursor: wordEndAfter(text, cursor) };
    case 'killToEnd': {
      const end = lineEnd(text, cursor);
      // At a line's end, Ctrl+K joins the next line (readline behaviour).
      return edit(state, cursor, end === cursor ? Math.min(text.length, end + 1) : end, '');
    }
    case 'killToStart':
      return edit(state, lineStart(text, cursor), cursor, '');
    case 'deleteWordBefore':
      return edit(state, wordStartBefore(text, cursor), cursor, '');
    case 'set':
      return { ...state, text: action.text, cursor: action.text.length, historyIndex: null };
    case 'clear':
      return { ...state, text: '', cursor: 0, historyIndex: null, draft: '' };
    case 'replaceRange':
      return edit(state, action.from, action.to, action.text);
    case 'setHistory':
      return { ...state, history: action.history, historyIndex: null };
  }
}
