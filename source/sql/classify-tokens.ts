// The tokens the statement classifier reads: the lexer's tokens without blanks and comments,
// numbers and operators joined, words upper-cased, and MySQL's executable comments
// (`/*! … */`, MariaDB's `/*M! … */`) replaced by the SQL inside them, because the server runs it.
// Kept in typed arrays (about 14 bytes a token, text read on demand): a bulk INSERT of millions
// of values must not cost objects per token.
import type { LexicalRules } from './dialect.js';
import { lex } from './lex.js';

export type ClassifyTokenKind = 'word' | 'string' | 'identifier' | 'number' | 'punct' | 'semicolon';

export interface ClassifyToken {
  kind: ClassifyTokenKind;
  /** Words upper-cased; strings and quoted identifiers as written (quotes included) */
  text: string;
  /** Parenthesis depth before this token (a '(' has the depth outside it) */
  depth: number;
}

const KINDS: ClassifyTokenKind[] = ['word', 'string', 'identifier', 'number', 'punct', 'semicolon'];
const KIND_CODE = new Map(KINDS.map((kind, code) => [kind, code]));

/** `/*!50700 …` or `/*M!100400 …`: the version the content needs (ignored: assume it runs) */
const EXECUTABLE_OPENER = /^\/\*M?!\d*/;

export class TokenList {
  length = 0;
  private kinds = new Uint8Array(16);
  private depths = new Uint32Array(16);
  private starts = new Uint32Array(16);
  private ends = new Uint32Array(16);
  private sourceOf = new Uint32Array(16);
  /** The texts offsets refer to: the statement, then the inside of each executable comment */
  private readonly sources: string[] = [];

  /** The token at `k`, or undefined outside the list (never counted from the end). */
  at(k: number): ClassifyToken | undefined {
    if (k < 0 || k >= this.length) return undefined;
    return { kind: this.kind(k)!, text: this.text(k), depth: this.depths[k]! };
  }

  kind(k: number): ClassifyTokenKind | undefined {
    return k < 0 || k >= this.length ? undefined : KINDS[this.kinds[k]!];
  }

  depth(k: number): number {
    return this.depths[k] ?? 0;
  }

  text(k: number): string {
    if (k < 0 || k >= this.length) return '';
    const raw = this.sources[this.sourceOf[k]!]!.slice(this.starts[k], this.ends[k]);
    return this.kinds[k] === 0 ? raw.toUpperCase() : raw;
  }

  /** Single characters are compared without a copy of the text. */
  isChar(k: number, char: string): boolean {
    return k >= 0 && k < this.length && this.ends[k]! - this.starts[k]! === 1 && this.sources[this.sourceOf[k]!]![this.starts[k]!] === char;
  }

  /** The token's text is `expected` (upper-case for words), compared in place without a copy. */
  textIs(k: number, expected: string): boolean {
    if (k < 0 || k >= this.length) return false;
    const start = this.starts[k]!;
    if (this.ends[k]! - start !== expected.length) return false;
    const source = this.sources[this.sourceOf[k]!]!;
    if (this.kinds[k] !== 0) return source.startsWith(expected, start);
    for (let i = 0; i < expected.length; i += 1) {
      let code = source.charCodeAt(start + i);
      if (code >= 97 && code <= 122) code -= 32;
      if (code !== expected.charCodeAt(i)) {
        // Non-ASCII letters: compare the way text() upper-cases them.
        return code > 127 && source.slice(start, start + expected.length).toUpperCase() === expected;
      }
    }
    return true;
  }

  addSource(text: string): number {
    this.sources.push(text);
    return this.sources.length - 1;
  }

  push(kind: ClassifyTokenKind, source: number, start: number, end: number, depth: number): void {
    if (this.length === this.kinds.length) this.grow();
    const k = this.length;
    this.kinds[k] = KIND_CODE.get(kind)!;
    this.sourceOf[k] = source;
    this.starts[k] = start;
    this.ends[k] = end;
    this.depths[k] = depth;
    this.length += 1;
  }

  /** The last token now ends at `end` (a joined number or operator). */
  extendLast(end: number): void {
    this.ends[this.length - 1] = end;
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const copy = <T extends Uint8Array | Uint32Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.kinds = copy(this.kinds, new Uint8Array(size));
    this.depths = copy(this.depths, new Uint32Array(size));
    this.starts = copy(this.starts, new Uint32Array(size));
    this.ends = copy(this.ends, new Uint32Array(size));
    this.sourceOf = copy(this.sourceOf, new Uint32Array(size));
  }
}

/** Every token of `sql`, in order. */
export function classifyTokens(sql: string, rules: LexicalRules): TokenList {
  const list = new TokenList();
  collect(sql, rules, { list, depth: 0, stop: null }, false);
  return list;
}

/**
 * Reads tokens in order until `stop` returns true for one (it sees each token once it is
 * complete): for a caller that needs only the first words of a long statement.
 */
export function scanTokens(sql: string, rules: LexicalRules, stop: (list: TokenList, k: number) => boolean): void {
  const state: CollectState = { list: new TokenList(), depth: 0, stop, stopped: false };
  collect(sql, rules, state, false);
  if (!state.stopped && state.list.length > 0) stop(state.list, state.list.length - 1);
}

interface CollectState {
  list: TokenList;
  depth: number;
  stop: ((list: TokenList, k: number) => boolean) | null;
  stopped?: boolean;
}

const OPERATOR = /^[<>=!:|&]$/;

function collect(sql: string, rules: LexicalRules, state: CollectState, inComment: boolean): void {
  const { list } = state;
  const source = list.addSource(sql);
  let previousEnd = -1;
  for (const token of lex(sql, rules)) {
    if (state.stopped) return;
    if (token.kind === 'space') continue;
    const single = token.end - token.start === 1;
    const char = single ? sql[token.start]! : '';
    if (token.kind === 'comment' || (token.kind === 'other' && !single)) {
      const text = sql.slice(token.start, token.end);
      const opener = rules.executableComments ? EXECUTABLE_OPENER.exec(text) : null;
      if (opener) collect(text.slice(opener[0].length, token.open ? text.length : text.length - 2), rules, state, true);
      // Optimizer hints (`/*+ … *\/`) and ordinary comments say nothing about the statement.
      previousEnd = -1;
      continue;
    }
    const adjacent = previousEnd === token.start;
    previousEnd = token.end;
    const last = list.length - 1;
    if (token.kind === 'other' && adjacent && last >= 0 && joins(list, last, char)) {
      list.extendLast(token.end);
      continue;
    }
    let kind: ClassifyTokenKind;
    let depth = state.depth;
    if (token.kind === 'word' || token.kind === 'string' || token.kind === 'identifier') kind = token.kind;
    // A `;` the splitter left inside a statement belongs to a routine body; only one inside an
    // executable comment separates statements the server will run.
    else if (token.kind === 'semicolon') kind = inComment ? 'semicolon' : 'punct';
    else if (isDigit(char)) kind = 'number';
    else {
      kind = 'punct';
      if (char === '(') state.depth += 1;
      else if (char === ')') depth = state.depth = Math.max(0, state.depth - 1);
    }
    if (state.stop !== null && last >= 0 && state.stop(list, last)) {
      state.stopped = true;
      return;
    }
    list.push(kind, source, token.start, token.end, depth);
  }
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9' && char.length === 1;
}

function joins(list: TokenList, last: number, char: string): boolean {
  if (list.kind(last) === 'number') return isDigit(char) || (char === '.' && !list.text(last).includes('.'));
  return list.kind(last) === 'punct' && OPERATOR.test(char) && OPERATOR.test(list.text(last).at(-1)!);
}

/** The SQL inside each MySQL executable comment of `sql` (none for other dialects). */
export function executableComments(sql: string, rules: LexicalRules): string[] {
  if (!rules.executableComments) return [];
  const found: string[] = [];
  for (const token of lex(sql, rules)) {
    const text = sql.slice(token.start, token.end);
    const opener = token.kind === 'comment' || token.kind === 'other' ? EXECUTABLE_OPENER.exec(text) : null;
    if (opener) found.push(text.slice(opener[0].length, token.open ? text.length : text.length - 2));
  }
  return found;
}

/** The text a string token stands for: quotes removed, doubled quotes (and MySQL escapes) undone. */
export function stringValue(token: ClassifyToken | undefined, backslashEscapes: boolean): string | null {
  if (token === undefined || (token.kind !== 'string' && token.kind !== 'identifier')) return null;
  const text = token.text;
  const quote = text[0]!;
  if (quote === '$') {
    const tag = /^\$[^$]*\$/.exec(text)?.[0] ?? '$$';
    return text.endsWith(tag) && text.length >= tag.length * 2 ? text.slice(tag.length, text.length - tag.length) : text.slice(tag.length);
  }
  const close = quote === '[' ? ']' : quote;
  const body = text.endsWith(close) && text.length >= 2 ? text.slice(1, -1) : text.slice(1);
  const undoubled = body.replaceAll(close + close, close);
  return backslashEscapes && quote !== '`' ? undoubled.replace(/\\(.)/gs, '$1') : undoubled;
}

/** The name a word or quoted identifier stands for, lower-cased (`"Set_Config"` → set_config). */
export function nameOf(token: ClassifyToken | undefined, backslashEscapes = false): string | null {
  if (token === undefined) return null;
  if (token.kind === 'word') return token.text.toLowerCase();
  if (token.kind === 'identifier') return stringValue(token, backslashEscapes)?.toLowerCase() ?? null;
  return null;
}
