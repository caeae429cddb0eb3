// Small searches over the classifier's tokens: a statement is a range [start, end) of them, and
// "top level" means the parenthesis depth of the statement's first word.
import type { ClassifyToken, TokenList } from './classify-tokens.js';
import type { ClassifierRules } from './classifier-rules.js';

export interface Scope {
  tokens: TokenList;
  /** The statement's first word */
  start: number;
  /** Exclusive */
  end: number;
  /** Depth of the statement's first word */
  depth: number;
  rules: ClassifierRules;
}

export function isWord(token: ClassifyToken | undefined, ...words: string[]): boolean {
  return token !== undefined && token.kind === 'word' && (words.length === 0 || words.includes(token.text));
}

export function isPunct(token: ClassifyToken | undefined, text: string): boolean {
  return token !== undefined && token.kind === 'punct' && token.text === text;
}

/** The token at `k` is one of these words (any word when none are given). */
export function wordAt(tokens: TokenList, k: number, ...words: string[]): boolean {
  return wordIn(tokens, k, words);
}

/** wordAt with the words as one array: no allocation per call, for loops over every token. */
export function wordIn(tokens: TokenList, k: number, words: readonly string[]): boolean {
  if (tokens.kind(k) !== 'word') return false;
  if (words.length === 0) return true;
  for (const word of words) if (tokens.textIs(k, word)) return true;
  return false;
}

/** The token at `k` is this punctuation (`(`, `=`, `:=` …). */
export function punctAt(tokens: TokenList, k: number, text: string): boolean {
  if (tokens.kind(k) !== 'punct') return false;
  return tokens.textIs(k, text);
}

/** Index of the ')' that closes the '(' at `open`, or `end` when it is not closed before `end`. */
export function matchingClose(tokens: TokenList, open: number, end: number): number {
  const depth = tokens.depth(open);
  for (let k = open + 1; k < end; k += 1) {
    if (tokens.depth(k) === depth && tokens.isChar(k, ')') && tokens.kind(k) === 'punct') return k;
  }
  return end;
}

/**
 * First index in [from, scope.end) at the statement's top level for which `test` holds, or -1.
 * A statement that began inside parentheses goes on after they close (`(SELECT 1) INTO @x`,
 * `(SELECT 1) UNION …`): the top level is then the lowest depth reached so far.
 */
export function findTop(scope: Scope, from: number, test: (k: number) => boolean): number {
  const { tokens } = scope;
  let floor = scope.depth;
  for (let k = scope.start; k < scope.end; k += 1) {
    const depth = tokens.depth(k);
    if (depth < floor) floor = depth;
    if (k >= from && depth === floor && test(k)) return k;
  }
  return -1;
}

export function findTopWord(scope: Scope, from: number, ...words: string[]): number {
  return findTop(scope, from, (k) => wordIn(scope.tokens, k, words));
}

/** First index in [scope.start, scope.end), at any depth, for which `test` holds, or -1. */
export function findAny(scope: Scope, test: (k: number) => boolean): number {
  for (let k = scope.start; k < scope.end; k += 1) if (test(k)) return k;
  return -1;
}

/** The statement's top-level words (upper-case), in order. */
export function topWords(scope: Scope): string[] {
  const words: string[] = [];
  findTop(scope, scope.start, (k) => {
    if (scope.tokens.kind(k) === 'word') words.push(scope.tokens.text(k));
    return false;
  });
  return words;
}
