// Whether a statement returns rows worth streaming. Streaming a write would run it through a
// cursor, which some drivers refuse; writes go through run() and report affected rows.

const readerKeywords = new Set(['select', 'with', 'values', 'show', 'explain', 'pragma', 'table', 'describe', 'desc', 'fetch']);

export function firstKeyword(sql: string): string {
  const withoutComments = sql.replace(/^(\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*/g, '');
  return (/^[A-Za-z]+/.exec(withoutComments)?.[0] ?? '').toLowerCase();
}

export function returnsRows(sql: string): boolean {
  const keyword = firstKeyword(sql);
  if (keyword === 'with') return !/\b(insert|update|delete)\b/i.test(sql);
  if (keyword === 'pragma') return !/=/.test(sql);
  return readerKeywords.has(keyword);
}
