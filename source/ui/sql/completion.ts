// Tab completion as pure functions: the word under the cursor, and the candidates for it.

export const SQL_KEYWORDS = [
  'SELECT', 'FROM', 'WHERE', 'GROUP BY', 'ORDER BY', 'HAVING', 'LIMIT', 'OFFSET', 'INSERT', 'INTO', 'VALUES',
  'UPDATE', 'SET', 'DELETE', 'CREATE', 'TABLE', 'INDEX', 'VIEW', 'DROP', 'ALTER', 'ADD', 'COLUMN', 'PRIMARY',
  'KEY', 'FOREIGN', 'REFERENCES', 'UNIQUE', 'NOT', 'NULL', 'DEFAULT', 'AND', 'OR', 'IN', 'IS', 'LIKE',
  'BETWEEN', 'EXISTS', 'JOIN', 'LEFT', 'RIGHT', 'INNER', 'OUTER', 'ON', 'AS', 'DISTINCT', 'UNION', 'ALL',
  'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'BEGIN', 'COMMIT', 'ROLLBACK', 'TRANSACTION', 'EXPLAIN', 'ANALYZE',
  'WITH', 'RETURNING', 'COUNT', 'INTEGER', 'TEXT', 'VARCHAR', 'BOOLEAN', 'TIMESTAMP', 'TRUE', 'FALSE',
];

export interface WordAtCursor { from: number; to: number; word: string }

/** The identifier-ish word ending at the cursor (may contain a dot: schema.table). */
export function wordAtCursor(text: string, cursor: number): WordAtCursor {
  let from = cursor;
  while (from > 0 && /[\p{L}\p{N}_$.]/u.test(text[from - 1] ?? '')) from -= 1;
  return { from, to: cursor, word: text.slice(from, cursor) };
}

/** Candidates that start with the word (case-insensitive), keywords matched in the word's case. */
export function completionCandidates(word: string, names: readonly string[], keywords: readonly string[] = SQL_KEYWORDS): string[] {
  if (word === '') return [];
  const lower = word.toLowerCase();
  const lowerCaseWord = word === lower;
  const fromNames = names.filter((name) => name.toLowerCase().startsWith(lower));
  const fromKeywords = keywords
    .filter((keyword) => keyword.toLowerCase().startsWith(lower))
    .map((keyword) => (lowerCaseWord ? keyword.toLowerCase() : keyword));
  return [...new Set([...fromNames, ...fromKeywords])].sort((a, b) => a.length - b.length || a.localeCompare(b));
}

/** Longest prefix shared by all candidates (case of the first). */
export function commonPrefix(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  let prefix = candidates[0] ?? '';
  for (const candidate of candidates.slice(1)) {
    let length = 0;
    while (length < prefix.length && length < candidate.length && prefix[length]?.toLowerCase() === candidate[length]?.toLowerCase()) length += 1;
    prefix = prefix.slice(0, length);
  }
  return prefix;
}

/** Table names mentioned after FROM/JOIN/UPDATE/INTO, so their columns can be offered. */
export function tablesMentioned(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/\b(?:from|join|update|into|table)\s+([\p{L}\p{N}_$."]+)/giu)) {
    names.add((match[1] ?? '').replace(/"/g, ''));
  }
  return [...names];
}
