// `/` over a result: every loaded cell whose raw value holds the term (case-insensitive), and
// which of those matches is current; n / N step through them, wrapping at either end.
import type { Row } from '../../adapters/adapter.js';
import { rawValueText } from '../format/copy-text.js';

export interface SearchMatch {
  row: number;
  column: number;
}
export interface ResultSearch {
  term: string;
  matches: SearchMatch[];
  current: number;
  rowsSearched: number;
}

/** A case-insensitive pattern for the literal term (no regular-expression syntax). */
export function searchPattern(term: string): RegExp {
  return new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
}

/** `rowAt`: the store's rows (released ones and rows not read yet are skipped). */
export function findMatches(rowAt: (index: number) => Row | 'released' | undefined, rowCount: number, term: string): SearchMatch[] {
  const pattern = searchPattern(term);
  const matches: SearchMatch[] = [];
  for (let row = 0; row < rowCount; row += 1) {
    const values = rowAt(row);
    if (values === undefined || values === 'released') continue;
    values.forEach((value, column) => {
      pattern.lastIndex = 0;
      if (value !== null && pattern.test(rawValueText(value))) matches.push({ row, column });
    });
  }
  return matches;
}

/** A search starting at the first match on or after the focused row (as less does). */
export function startSearch(term: string, matches: SearchMatch[], focusedRow: number, rowsSearched: number): ResultSearch {
  const at = matches.findIndex((match) => match.row >= focusedRow);
  return { term, matches, current: at === -1 ? 0 : at, rowsSearched };
}

export function stepSearch(search: ResultSearch, delta: 1 | -1): ResultSearch {
  const count = search.matches.length;
  if (count === 0) return search;
  return { ...search, current: (search.current + delta + count) % count };
}

export function currentMatch(search: ResultSearch): SearchMatch | undefined {
  return search.matches[search.current];
}

/** "3 of 17 matches for "ada"" for the status line. */
export function describeSearch(search: ResultSearch): string {
  const count = search.matches.length;
  const rows = `${search.rowsSearched.toLocaleString('en-US')} loaded ${search.rowsSearched === 1 ? 'row' : 'rows'}`;
  if (count === 0) return `no match for "${search.term}" in ${rows}`;
  return `${(search.current + 1).toLocaleString('en-US')} of ${count.toLocaleString('en-US')} ${count === 1 ? 'match' : 'matches'} for "${search.term}" (n next, N previous; ${rows})`;
}
