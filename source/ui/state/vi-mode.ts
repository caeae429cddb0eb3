// vi mode for the prompt as a pure state machine over the prompt buffer: one key event in, the
// new vi state and buffer out, plus the key to hand on to the usual prompt handling (Enter, Tab,
// arrows, Ctrl keys, pastes, every key in insert mode). No React here; the prompt hook wires it.
import type { KeyEvent } from '../keys/key-event.js';
import { promptReducer, type PromptBuffer } from './prompt-buffer.js';
import { lineEnd, lineStart, nextCodePoint, previousCodePoint } from './text-motion.js';
import { findOnLine, firstNonBlank, reverseFind, simpleMotion, type FindKind, type Landing, type LastFind } from './vi-motion.js';

export type ViMode = 'insert' | 'normal';

interface Snapshot {
  text: string;
  cursor: number;
}

export interface ViState {
  enabled: boolean;
  mode: ViMode;
  /** Keys of a command not finished yet: a count, an operator, f/t/r waiting for its character */
  pending: string;
  /** The unnamed register (d, c, x and y fill it; p and P put it) */
  register: string;
  registerLinewise: boolean;
  lastFind: LastFind | null;
  /** Buffers before each change, newest last (u goes back one) */
  undo: readonly Snapshot[];
}

export interface ViStep {
  vi: ViState;
  buffer: PromptBuffer;
  /** The key for the usual prompt handling, or null when vi used it */
  pass: KeyEvent | null;
}

const UNDO_LIMIT = 100;

export function viState(enabled: boolean): ViState {
  return { enabled, mode: 'insert', pending: '', register: '', registerLinewise: false, lastFind: null, undo: [] };
}

/** After a statement was taken from the prompt: a fresh line starts in insert mode. */
export function viAfterSubmit(vi: ViState): ViState {
  return { ...vi, mode: 'insert', pending: '', undo: [] };
}

/** "-- NORMAL --" / "-- INSERT --" while vi mode is on */
export function viModeLabel(vi: ViState): string | null {
  if (!vi.enabled) return null;
  return vi.mode === 'normal' ? `-- NORMAL --${vi.pending ? ` ${vi.pending}` : ''}` : '-- INSERT --';
}

/** In normal mode the cursor sits on a character, never past a line's last one. */
function settle(buffer: PromptBuffer): PromptBuffer {
  const start = lineStart(buffer.text, buffer.cursor);
  const end = lineEnd(buffer.text, buffer.cursor);
  return buffer.cursor >= end && end > start ? { ...buffer, cursor: previousCodePoint(buffer.text, end) } : buffer;
}

function withText(buffer: PromptBuffer, text: string, cursor: number): PromptBuffer {
  return { ...buffer, text, cursor: Math.max(0, Math.min(cursor, text.length)), historyIndex: null };
}

function remember(vi: ViState, buffer: PromptBuffer): ViState {
  return { ...vi, undo: [...vi.undo, { text: buffer.text, cursor: buffer.cursor }].slice(-UNDO_LIMIT) };
}

/** The lines [first, first+count) as a range, with the line break that goes with them. */
function lineRange(text: string, cursor: number, count: number): { from: number; to: number; body: string; last: boolean } {
  const from = lineStart(text, cursor);
  let to = lineEnd(text, cursor);
  for (let line = 1; line < count && to < text.length; line += 1) to = lineEnd(text, to + 1);
  const body = text.slice(from, to);
  if (to < text.length) return { from, to: to + 1, body, last: false };
  return { from: from > 0 ? from - 1 : from, to, body, last: true };
}

interface Parsed {
  count: number;
  operator: '' | 'd' | 'c' | 'y';
  key: string;
  arg: string;
}

/** null: wait for more keys; 'invalid': drop them. */
function parse(pending: string): Parsed | null | 'invalid' {
  const match = /^([1-9]\d*)?([dcy]?)([1-9]\d*)?(.*)$/su.exec(pending);
  if (!match) return 'invalid';
  const [, first, operator = '', second, rest = ''] = match;
  const count = Number(first ?? 1) * Number(second ?? 1);
  if (rest === '') return null;
  const key = [...rest][0] ?? '';
  const arg = rest.slice(key.length);
  if ('fFtTr'.includes(key)) {
    if (arg === '') return null;
    return [...arg].length === 1 ? { count, operator: operator as Parsed['operator'], key, arg } : 'invalid';
  }
  return arg === '' ? { count, operator: operator as Parsed['operator'], key, arg } : 'invalid';
}

function insertMode(vi: ViState, buffer: PromptBuffer, cursor: number, text = buffer.text): [ViState, PromptBuffer] {
  return [{ ...remember(vi, buffer), mode: 'insert', pending: '' }, withText(buffer, text, cursor)];
}

/** An operator over the range from the cursor to a landing. */
function operate(vi: ViState, buffer: PromptBuffer, operator: 'd' | 'c' | 'y', landing: Landing): [ViState, PromptBuffer] {
  const { text, cursor } = buffer;
  const far = landing.inclusive ? nextCodePoint(text, landing.to) : landing.to;
  const from = Math.min(cursor, landing.to);
  const to = Math.max(cursor, far);
  const register = { register: text.slice(from, to), registerLinewise: false };
  if (operator === 'y') return [{ ...vi, ...register }, settle({ ...buffer, cursor: from })];
  const next = text.slice(0, from) + text.slice(to);
  if (operator === 'c') return insertMode({ ...vi, ...register }, buffer, from, next);
  return [{ ...remember(vi, buffer), ...register }, settle(withText(buffer, next, from))];
}

function linewise(vi: ViState, buffer: PromptBuffer, operator: 'd' | 'c' | 'y', count: number): [ViState, PromptBuffer] {
  const { text, cursor } = buffer;
  const range = lineRange(text, cursor, count);
  const register = { register: range.body, registerLinewise: true };
  if (operator === 'y') return [{ ...vi, ...register }, buffer];
  if (operator === 'c') {
    const from = lineStart(text, cursor);
    const to = from + range.body.length;
    return insertMode({ ...vi, ...register }, buffer, from, text.slice(0, from) + text.slice(to));
  }
  const next = text.slice(0, range.from) + text.slice(range.to);
  // The line after the deleted ones, or the one before when they were the last
  const at = range.last ? lineStart(next, range.from) : range.from;
  return [{ ...remember(vi, buffer), ...register }, settle(withText(buffer, next, firstNonBlank(next, at)))];
}

function put(vi: ViState, buffer: PromptBuffer, before: boolean, count: number): [ViState, PromptBuffer] {
  const { text, cursor } = buffer;
  if (vi.register === '') return [vi, buffer];
  const saved = remember(vi, buffer);
  if (vi.registerLinewise) {
    const block = Array.from({ length: count }, () => vi.register).join('\n');
    if (before) {
      const at = lineStart(text, cursor);
      return [saved, withText(buffer, text.slice(0, at) + block + '\n' + text.slice(at), at)];
    }
    const at = lineEnd(text, cursor);
    return [saved, withText(buffer, text.slice(0, at) + '\n' + block + text.slice(at), at + 1)];
  }
  const block = vi.register.repeat(count);
  const at = before || text.length === 0 || lineEnd(text, cursor) === lineStart(text, cursor) ? cursor : nextCodePoint(text, cursor);
  return [saved, settle(withText(buffer, text.slice(0, at) + block + text.slice(at), at + block.length - 1))];
}

function motionOf(vi: ViState, buffer: PromptBuffer, parsed: Parsed): { landing: Landing | null; vi: ViState } {
  const { text, cursor } = buffer;
  if ('fFtT'.includes(parsed.key)) {
    const find = { kind: parsed.key as FindKind, char: parsed.arg };
    return { landing: findOnLine(text, cursor, find, parsed.count), vi: { ...vi, lastFind: find } };
  }
  if (parsed.key === ';' || parsed.key === ',') {
    if (!vi.lastFind) return { landing: null, vi };
    const find = parsed.key === ',' ? reverseFind(vi.lastFind) : vi.lastFind;
    return { landing: findOnLine(text, cursor, find, parsed.count, true), vi };
  }
  // cw changes to the end of the word, as in vi
  if (parsed.operator === 'c' && (parsed.key === 'w' || parsed.key === 'W') && !/\s/.test(text[cursor] ?? ' ')) {
    return { landing: simpleMotion(text, cursor, parsed.key === 'w' ? 'e' : 'E', parsed.count), vi };
  }
  const landing = simpleMotion(text, cursor, parsed.key, parsed.count);
  // An operator with w stops at the end of the line, as in vi (dw on the last word keeps the line break).
  if (landing && parsed.operator !== '' && (parsed.key === 'w' || parsed.key === 'W')) {
    const end = lineEnd(text, cursor);
    if (landing.to > end) return { landing: { to: end, inclusive: false }, vi };
  }
  return { landing, vi };
}

/** One normal-mode command, complete. */
function command(vi: ViState, buffer: PromptBuffer, parsed: Parsed): [ViState, PromptBuffer] {
  const { text, cursor } = buffer;
  const { count, operator, key } = parsed;
  if (operator !== '') {
    if (key === operator) return linewise(vi, buffer, operator, count);
    const motion = motionOf(vi, buffer, parsed);
    return motion.landing ? operate(motion.vi, buffer, operator, motion.landing) : [motion.vi, buffer];
  }
  switch (key) {
    case 'i':
      return insertMode(vi, buffer, cursor);
    case 'a':
      return insertMode(vi, buffer, Math.min(lineEnd(text, cursor), nextCodePoint(text, cursor)));
    case 'I':
      return insertMode(vi, buffer, firstNonBlank(text, cursor));
    case 'A':
      return insertMode(vi, buffer, lineEnd(text, cursor));
    case 'o': {
      const at = lineEnd(text, cursor);
      return insertMode(vi, buffer, at + 1, text.slice(0, at) + '\n' + text.slice(at));
    }
    case 'O': {
      const at = lineStart(text, cursor);
      return insertMode(vi, buffer, at, text.slice(0, at) + '\n' + text.slice(at));
    }
    case 'x':
      return lineEnd(text, cursor) === cursor ? [vi, buffer] : operate(vi, buffer, 'd', simpleMotion(text, cursor, 'l', count)!);
    case 'X':
      return operate(vi, buffer, 'd', simpleMotion(text, cursor, 'h', count)!);
    case 's':
      return operate(vi, buffer, 'c', simpleMotion(text, cursor, 'l', count)!);
    case 'S':
      return linewise(vi, buffer, 'c', count);
    case 'D':
      return operate(vi, buffer, 'd', { to: lineEnd(text, cursor), inclusive: false });
    case 'C':
      return operate(vi, buffer, 'c', { to: lineEnd(text, cursor), inclusive: false });
    case 'Y':
      return linewise(vi, buffer, 'y', count);
    case 'p':
    case 'P':
      return put(vi, buffer, key === 'P', count);
    case 'r': {
      const end = lineEnd(text, cursor);
      let to = cursor;
      for (let done = 0; done < count; done += 1) to = to < end ? nextCodePoint(text, to) : end + 1;
      if (to > end) return [vi, buffer];
      const replaced = text.slice(0, cursor) + parsed.arg.repeat([...text.slice(cursor, to)].length) + text.slice(to);
      return [remember(vi, buffer), settle(withText(buffer, replaced, cursor + (to - cursor) - 1))];
    }
    case 'u': {
      const last = vi.undo[vi.undo.length - 1];
      if (!last) return [vi, buffer];
      return [{ ...vi, undo: vi.undo.slice(0, -1) }, settle(withText(buffer, last.text, last.cursor))];
    }
    case 'j':
    case 'k': {
      let next = buffer;
      for (let done = 0; done < count; done += 1) next = promptReducer(next, { type: key === 'j' ? 'down' : 'up' });
      return [vi, settle(next)];
    }
    default: {
      const motion = motionOf(vi, buffer, parsed);
      if (!motion.landing) return [motion.vi, buffer];
      return [motion.vi, settle({ ...buffer, cursor: motion.landing.to })];
    }
  }
}

function normalChar(vi: ViState, buffer: PromptBuffer, char: string): [ViState, PromptBuffer] {
  const pending = vi.pending + char;
  const parsed = parse(pending);
  if (parsed === null) return [{ ...vi, pending }, buffer];
  if (parsed === 'invalid') return [{ ...vi, pending: '' }, buffer];
  return command({ ...vi, pending: '' }, buffer, parsed);
}

/** Keys of normal mode that stand for a vi key (Backspace moves left, Delete is x). */
const normalAliases: Record<string, string> = { backspace: 'h', delete: 'x', left: 'h', right: 'l', home: '0', end: '$' };

export function viKey(vi: ViState, buffer: PromptBuffer, event: KeyEvent): ViStep {
  if (!vi.enabled) return { vi, buffer, pass: event };
  if (vi.mode === 'insert') {
    if (event.name !== 'escape') return { vi, buffer, pass: event };
    // An insert that changed nothing leaves nothing to undo.
    const last = vi.undo[vi.undo.length - 1];
    const undo = last && last.text === buffer.text ? vi.undo.slice(0, -1) : vi.undo;
    const back = buffer.cursor > lineStart(buffer.text, buffer.cursor) ? previousCodePoint(buffer.text, buffer.cursor) : buffer.cursor;
    return { vi: { ...vi, mode: 'normal', pending: '', undo }, buffer: { ...buffer, cursor: back }, pass: null };
  }
  if (event.name === 'escape') return { vi: { ...vi, pending: '' }, buffer, pass: null };
  const alias = event.ctrl || event.meta ? undefined : normalAliases[event.name];
  if (alias !== undefined && vi.pending === '') return viKey(vi, buffer, { ...event, name: 'char', text: alias });
  if (event.name !== 'char' || event.ctrl || event.meta) return { vi: { ...vi, pending: '' }, buffer, pass: event };
  // Keys typed faster than one read arrive as one run: each is a command, until one enters insert
  // mode; the rest of the run is then typed text.
  let state = vi;
  let next = buffer;
  const chars = [...event.text];
  for (let index = 0; index < chars.length; index += 1) {
    if (state.mode === 'insert') {
      next = promptReducer(next, { type: 'insert', text: chars.slice(index).join('') });
      break;
    }
    [state, next] = normalChar(state, next, chars[index] ?? '');
  }
  return { vi: state, buffer: next, pass: null };
}
