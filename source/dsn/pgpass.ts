// ~/.pgpass (or passfile / PGPASSFILE) as pgx reads it (jackc/pgpassfile): one
// host:port:database:user:password entry per line, `\:` and `\\` escapes, `#` comments, `*`
// matches anything; the first matching line wins. pgx looks a password up only when the
// connection has none, for its first host (a Unix socket counts as "localhost").

export interface PassEntry {
  host: string;
  port: string;
  database: string;
  user: string;
  password: string;
}

export function parsePassfile(text: string): PassEntry[] {
  const entries: PassEntry[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line.startsWith('#')) continue;
    const parts = line.replaceAll('\\\\', '\r').replaceAll('\\:', '\n').split(':');
    if (parts.length !== 5) continue;
    const [host, port, database, user, password] = parts.map((part) => part.replaceAll('\r', '\\').replaceAll('\n', ':')) as [
      string,
      string,
      string,
      string,
      string,
    ];
    entries.push({ host, port, database, user, password });
  }
  return entries;
}

export function findPassword(entries: readonly PassEntry[], wanted: Omit<PassEntry, 'password'>): string | null {
  const matches = (pattern: string, value: string) => pattern === '*' || pattern === value;
  const entry = entries.find(
    (candidate) =>
      matches(candidate.host, wanted.host) &&
      matches(candidate.port, wanted.port) &&
      matches(candidate.database, wanted.database) &&
      matches(candidate.user, wanted.user),
  );
  return entry?.password ?? null;
}
