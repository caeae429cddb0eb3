// The same postgres:// (or cockroach://) DSN naming another database, for the console's
// `\c DBNAME`: every other part of the text (credentials, hosts, parameters, ${ENV} references
// already expanded or not) stays as written. The database is the URL's path (pg-url.ts), which a
// `dbname=` parameter overrides: that parameter is dropped so the path counts.

export function withPostgresDatabase(dsn: string, database: string): string {
  const bodyStart = dsn.indexOf('://') + 3;
  const question = dsn.indexOf('?', bodyStart);
  const hostPathEnd = question === -1 ? dsn.length : question;
  // Credentials cannot hold an unescaped "/": the first one after the scheme starts the path.
  const slash = dsn.indexOf('/', bodyStart);
  const authorityEnd = slash === -1 || slash > hostPathEnd ? hostPathEnd : slash;
  const query = question === -1 ? '' : withoutDbname(dsn.slice(question + 1));
  return `${dsn.slice(0, authorityEnd)}/${encodeURIComponent(database)}${query === '' ? '' : `?${query}`}`;
}

function withoutDbname(query: string): string {
  return query
    .split('&')
    .filter((pair) => pair.split('=', 1)[0] !== 'dbname')
    .join('&');
}
