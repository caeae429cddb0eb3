// Tab completion as pure functions: the candidates for what is typed, and their shared prefix.

export const SQL_KEYWORDS = [
  'SELECT',
  'FROM',
  'WHERE',
  'GROUP BY',
  'ORDER BY',
  'HAVING',
  'LIMIT',
  'OFFSET',
  'INSERT',
  'INTO',
  'VALUES',
  'UPDATE',
  'SET',
  'DELETE',
  'CREATE',
  'TABLE',
  'INDEX',
  'VIEW',
  'DROP',
  'ALTER',
  'ADD',
  'COLUMN',
  'PRIMARY',
  'KEY',
  'FOREIGN',
  'REFERENCES',
  'UNIQUE',
  'NOT',
  'NULL',
  'DEFAULT',
  'AND',
  'OR',
  'IN',
  'IS',
  'LIKE',
  'BETWEEN',
  'EXISTS',
  'JOIN',
  'LEFT',
  'RIGHT',
  'INNER',
  'OUTER',
  'ON',
  'AS',
  'DISTINCT',
  'UNION',
  'ALL',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'TRANSACTION',
  'EXPLAIN',
  'ANALYZE',
  'WITH',
  'RETURNING',
  'COUNT',
  'INTEGER',
  'TEXT',
  'VARCHAR',
  'BOOLEAN',
  'TIMESTAMP',
  'TRUE',
  'FALSE',
  'USE',
];

/** A name that can be offered: what the prefix is matched against, and what goes into the prompt. */
export interface Candidate {
  match: string;
  insert: string;
}

/**
 * Candidates whose match starts with the prefix (case-insensitive), names first, then keywords in
 * the prefix's case; shortest first. An empty prefix matches every name but no keyword.
 */
export function completionCandidates(prefix: string, names: readonly Candidate[], keywords: readonly string[] = []): string[] {
  const lower = prefix.toLowerCase();
  const fromNames = names.filter((name) => name.match.toLowerCase().startsWith(lower)).map((name) => name.insert);
  const fromKeywords =
    prefix === ''
      ? []
      : keywords
          .filter((keyword) => keyword.toLowerCase().startsWith(lower))
          .map((keyword) => (prefix === lower ? keyword.toLowerCase() : keyword));
  const byLength = (a: string, b: string) => a.length - b.length || a.localeCompare(b);
  return [...new Set([...[...new Set(fromNames)].sort(byLength), ...fromKeywords.sort(byLength)])];
}

/** Longest prefix shared by all candidates (case of the first). */
export function commonPrefix(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  let prefix = candidates[0] ?? '';
  for (const candidate of candidates.slice(1)) {
    let length = 0;
    while (length < prefix.length && length < candidate.length && prefix[length]?.toLowerCase() === candidate[length]?.toLowerCase())
      length += 1;
    prefix = prefix.slice(0, length);
  }
  return prefix;
}
