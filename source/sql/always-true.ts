// Does a WHERE condition hold for every row? Only what can be seen from the text counts: literals
// (`1 = 1`, `true`, `1`, `'a' = 'a'`, `not false`), a column compared with itself, and any such
// term joined by a top-level OR (`id = 5 or 1 = 1`). Anything else is taken to filter rows.
import { stringValue, type ClassifyToken, type TokenList } from './classify-tokens.js';
import type { ClassifierRules } from './classifier-rules.js';
import { isPunct, isWord, matchingClose, punctAt, wordAt } from './token-scan.js';

type Constant = { value: boolean | number | string | null };
interface Range {
  from: number;
  to: number;
}

/** A term longer than this is no constant (and is not copied to be looked at). */
const LONGEST_CONSTANT = 24;

/** Tokens [from, to) of `tokens` hold a condition: is it true for every row? */
export function alwaysTrue(tokens: TokenList, from: number, to: number, rules: ClassifierRules): boolean {
  if (to <= from) return false;
  let depth = Infinity;
  for (let k = from; k < to; k += 1) depth = Math.min(depth, tokens.depth(k));
  return splitAt(tokens, { from, to }, depth, rules, 'OR').some((term) =>
    splitAt(tokens, term, depth, rules, 'AND').every((factor) => factorTrue(tokens, factor, depth, rules)),
  );
}

/** Splits at top-level OR (or AND; `a BETWEEN b AND c` stays whole). */
function splitAt(tokens: TokenList, range: Range, depth: number, rules: ClassifierRules, word: 'OR' | 'AND'): Range[] {
  const punct = word === 'OR' ? '||' : '&&';
  const parts: Range[] = [];
  let partFrom = range.from;
  let betweenOpen = false;
  for (let k = range.from; k < range.to; k += 1) {
    if (tokens.depth(k) !== depth) continue;
    if (wordAt(tokens, k, 'BETWEEN')) betweenOpen = true;
    const splits = wordAt(tokens, k, word) || (rules.logicalPunctuation && punctAt(tokens, k, punct));
    if (!splits) continue;
    if (word === 'AND' && betweenOpen) {
      betweenOpen = false;
      continue;
    }
    parts.push({ from: partFrom, to: k });
    partFrom = k + 1;
  }
  parts.push({ from: partFrom, to: range.to });
  return parts;
}

function factorTrue(tokens: TokenList, { from, to }: Range, depth: number, rules: ClassifierRules): boolean {
  if (to <= from) return false;
  // `( … )` around the whole factor: look inside.
  if (punctAt(tokens, from, '(') && matchingClose(tokens, from, to) === to - 1) return alwaysTrue(tokens, from + 1, to - 1, rules);
  if (to - from > LONGEST_CONSTANT) return false;
  const factor: ClassifyToken[] = [];
  for (let k = from; k < to; k += 1) factor.push(tokens.at(k)!);
  if (isWord(factor[0], 'NOT') || (rules.logicalPunctuation && isPunct(factor[0], '!'))) {
    const constant = evaluate(factor.slice(1), depth, rules);
    return constant !== null && constant.value !== null && !truthy(constant.value);
  }
  const constant = evaluate(factor, depth, rules);
  if (constant !== null) return constant.value !== null && truthy(constant.value);
  return comparesItself(factor, depth);
}

function truthy(value: boolean | number | string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const number = Number(value);
  return value.trim() !== '' && !Number.isNaN(number) && number !== 0;
}

/** Index of the ')' closing the '(' at 0 of a short token array, or -1. */
function closeOf(tokens: ClassifyToken[]): number {
  const depth = tokens[0]!.depth;
  return tokens.findIndex((token, k) => k > 0 && token.depth === depth && isPunct(token, ')'));
}

/** A literal, or a comparison of two literals; null when the tokens are anything else. */
function evaluate(tokens: ClassifyToken[], depth: number, rules: ClassifierRules): Constant | null {
  const single = literal(tokens, rules);
  if (single !== null) return single;
  if (isPunct(tokens[0], '(') && closeOf(tokens) === tokens.length - 1) return evaluate(tokens.slice(1, -1), depth + 1, rules);
  const isAt = tokens.findIndex((token) => token.depth === depth && isWord(token, 'IS'));
  if (isAt > 0) {
    const left = evaluate(tokens.slice(0, isAt), depth, rules);
    if (left === null) return null;
    let rest = tokens.slice(isAt + 1);
    const negated = isWord(rest[0], 'NOT');
    if (negated) rest = rest.slice(1);
    if (rest.length !== 1 || !isWord(rest[0], 'NULL', 'TRUE', 'FALSE')) return null;
    const target = rest[0]!.text;
    const holds = target === 'NULL' ? left.value === null : left.value !== null && truthy(left.value) === (target === 'TRUE');
    return { value: negated ? !holds : holds };
  }
  const opAt = tokens.findIndex((token) => token.depth === depth && token.kind === 'punct' && COMPARISONS.has(token.text));
  if (opAt <= 0) return null;
  const left = literal(tokens.slice(0, opAt), rules);
  const right = literal(tokens.slice(opAt + 1), rules);
  if (left === null || right === null) return null;
  if (left.value === null || right.value === null) return { value: null };
  return { value: compare(left.value, right.value, tokens[opAt]!.text) };
}

const COMPARISONS = new Set(['=', '==', '<>', '!=', '<', '>', '<=', '>=', '<=>']);

function compare(left: boolean | number | string, right: boolean | number | string, operator: string): boolean {
  const [a, b] = typeof left === typeof right ? [left, right] : [Number(left), Number(right)];
  switch (operator) {
    case '=':
    case '==':
    case '<=>':
      return a === b;
    case '<>':
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    default:
      return a >= b;
  }
}

/** `1`, `-2.5`, `'text'`, TRUE, FALSE, NULL. */
function literal(tokens: ClassifyToken[], rules: ClassifierRules): Constant | null {
  let sign = 1;
  let rest = tokens;
  if (rest.length === 2 && (isPunct(rest[0], '-') || isPunct(rest[0], '+'))) {
    sign = rest[0]!.text === '-' ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest.length !== 1) return null;
  const token = rest[0]!;
  if (token.kind === 'number') {
    const value = Number(token.text);
    return Number.isNaN(value) ? null : { value: sign * value };
  }
  if (rest !== tokens) return null;
  if (token.kind === 'string' && (token.text.startsWith("'") || token.text.startsWith('"'))) {
    return { value: stringValue(token, rules.lexical.backslashInStrings) ?? '' };
  }
  if (isWord(token, 'TRUE')) return { value: true };
  if (isWord(token, 'FALSE')) return { value: false };
  if (isWord(token, 'NULL')) return { value: null };
  return null;
}

/** `id = id`, `t.a = t.a`: a column compared with itself (true on every row where it is set). */
function comparesItself(tokens: ClassifyToken[], depth: number): boolean {
  const opAt = tokens.findIndex(
    (token) => token.depth === depth && token.kind === 'punct' && ['=', '==', '>=', '<=', '<=>'].includes(token.text),
  );
  if (opAt <= 0) return false;
  const left = tokens.slice(0, opAt);
  const right = tokens.slice(opAt + 1);
  const reference = (side: ClassifyToken[]) =>
    side.every((token) => token.kind === 'word' || token.kind === 'identifier' || isPunct(token, '.'));
  return left.length === right.length && reference(left) && left.every((token, index) => token.text === right[index]!.text);
}
