// Statement history as pure functions: newest last, no consecutive duplicates, bounded.

export const HISTORY_LIMIT = 1000;

export function addToHistory(history: readonly string[], statement: string, limit = HISTORY_LIMIT): string[] {
  const entry = statement.trim();
  if (entry === '') return [...history];
  const withoutRepeat = history[history.length - 1] === entry ? history.slice(0, -1) : history;
  const next = [...withoutRepeat, entry];
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/** Newest entry at or before `before` (exclusive index) containing `query`; -1 when none. */
export function searchHistoryBackward(history: readonly string[], query: string, before = history.length): number {
  const needle = query.toLowerCase();
  for (let index = Math.min(before, history.length) - 1; index >= 0; index -= 1) {
    if ((history[index] ?? '').toLowerCase().includes(needle)) return index;
  }
  return -1;
}
