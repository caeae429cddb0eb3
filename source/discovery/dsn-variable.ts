// The DSN variable of an environment as Ory's config loader finds it: every variable whose name,
// lower-cased with "_" read as ".", is "dsn" (DSN, dsn, Dsn), the last one in the environment winning.

export function dsnVariable(env: Array<[string, string]>): { name: string; value: string } | null {
  let found: { name: string; value: string } | null = null;
  for (const [name, value] of env) {
    if (name.toLowerCase().replaceAll('_', '.') === 'dsn') found = { name, value };
  }
  return found;
}
