// How pool limits read in explanations: 0 open connections means "no limit" (database/sql).
export function formatPoolLimit(maxConns: number): string {
  return maxConns === 0 ? 'unlimited' : String(maxConns);
}
