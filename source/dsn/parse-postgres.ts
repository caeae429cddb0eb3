// PostgreSQL and CockroachDB URLs, read as Ory's services read them: Ory removes the pool keys
// (cut at the first `?`, url.ParseQuery, url.Values.Encode), pop rewrites cockroach:// to
// postgres://, and pgx's ParseConfig merges its defaults, the PG* environment, a service file
// and the URL. Every value keeps its source; the password may come from a passfile.
import type { DsnEnvironment } from './dsn-environment.js';
import { DsnError } from './errors.js';
import { firstValues, goParseQuery, rejectEmptyKeys } from './go-query.js';
import { interpretPgSettings } from './pg-interpret.js';
import { defaultSettings, environmentSettings, mergeSettings, serviceSettings, type Settings } from './pg-settings.js';
import { readPgUrl } from './pg-url.js';
import { readOryPool } from './pool-params.js';
import { isSecretParam } from './go-query.js';
import { REDACTED } from './redact.js';
import type { SchemeRow } from './schemes.js';
import type { PostgresDsn } from './types.js';

export function parsePostgres(
  dsn: string,
  scheme: SchemeRow,
  bodyOffset: number,
  cpuCount: number,
  redacted: string,
  environment: DsnEnvironment,
): PostgresDsn {
  const backend = scheme.backend === 'cockroach' ? 'cockroach' : 'postgres';
  const body = dsn.slice(bodyOffset);
  const question = body.indexOf('?');
  const hostPath = question === -1 ? body : body.slice(0, question);
  checkCredentialPunctuation(body, hostPath, question, bodyOffset);

  const warnings: string[] = [];
  const query = question === -1 ? null : goParseQuery(body.slice(question + 1), bodyOffset + question + 1);
  const pool = readOryPool(query, cpuCount, warnings);
  for (const dropped of query?.dropped ?? []) {
    const name = dropped.segment.split('=')[0];
    warnings.push(
      `The parameter "${name}" is dropped: ${dropped.reason}, and the service's driver (pgx) ignores such a pair. Percent-encode the value (";" as %3B) if it is meant.`,
    );
  }
  const pairs = (query?.pairs ?? []).filter((pair) => !pool.removed.has(pair.key));
  rejectEmptyKeys(pairs);

  const url = readPgUrl(hostPath, bodyOffset);
  const fromDsn: Settings = new Map();
  if (url.user !== null) fromDsn.set('user', { value: url.user, source: 'dsn' });
  if (url.password !== null) fromDsn.set('password', { value: url.password, source: 'dsn' });
  if (url.host !== null) fromDsn.set('host', { value: url.host, source: 'dsn' });
  if (url.port !== null) fromDsn.set('port', { value: url.port, source: 'dsn' });
  if (url.database !== null) fromDsn.set('database', { value: url.database, source: 'dsn' });
  const params: Record<string, string> = {};
  // pgx takes the first value of a repeated key.
  const first = firstValues(pairs);
  for (const pair of pairs) {
    const shown = isSecretParam(pair.key) ? REDACTED : pair.value;
    params[pair.key] = pair.key in params ? `${params[pair.key]}, ${shown}` : shown;
    if (first.get(pair.key) !== pair)
      warnings.push(`${pair.key} is given more than once: the service's driver (pgx) uses the first value.`);
  }
  for (const pair of first.values())
    fromDsn.set(pair.key === 'dbname' ? 'database' : pair.key, { value: pair.value, source: 'dsn', position: pair.position });

  const defaults = defaultSettings(environment);
  const fromEnvironment = environmentSettings(environment);
  let settings = mergeSettings(defaults, fromEnvironment, fromDsn);
  if (settings.has('service')) settings = mergeSettings(defaults, fromEnvironment, serviceSettings(settings, environment), fromDsn);

  const result = interpretPgSettings(settings, { backend, environment, warnings });
  return { ...result, backend, redacted, pool: pool.pool, poolParams: pool.given, params, warnings };
}

/**
 * Friendlier errors for the usual mistakes in passwords, found before Go's rules would read part
 * of a password as a host or port. Never quotes the credentials.
 */
function checkCredentialPunctuation(body: string, hostPath: string, question: number, bodyOffset: number): void {
  const hash = hostPath.indexOf('#');
  if (hash !== -1) {
    throw new DsnError(
      'malformed',
      'The DSN contains "#" before its parameters, which starts a URL fragment: the rest would be ignored.',
      'Percent-encode "#" as %23 (in passwords too).',
      null,
      bodyOffset + hash,
    );
  }
  const slash = hostPath.indexOf('/');
  // An "@" in the path means a "/" in the password ended the host early (Go would then read part
  // of the password as the host); a database name with "@" would need escaping anyway.
  if (slash !== -1 && hostPath.slice(slash + 1).includes('@')) {
    throw new DsnError(
      'malformed',
      'The credentials seem to contain an unescaped "/" (an "@" follows the first "/").',
      'Percent-encode "/" in user names and passwords as %2F ("?" as %3F, "#" as %23, "@" as %40).',
      'password',
      bodyOffset + slash,
    );
  }
  // "?…@…/": the "?" sits in the credentials (a query value with "@" then "/" is rare enough).
  const atAfterQuestion = question === -1 ? -1 : body.indexOf('@', question);
  if (atAfterQuestion !== -1 && body.indexOf('/', atAfterQuestion) !== -1) {
    throw new DsnError(
      'malformed',
      'The credentials seem to contain an unescaped "?" (an "@" and the database follow it): Ory\'s services cut the DSN at its first "?".',
      'Percent-encode "?" in user names and passwords as %3F ("/" as %2F, "#" as %23, "@" as %40).',
      'password',
      bodyOffset + question,
    );
  }
}
