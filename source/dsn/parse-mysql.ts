// mysql:// followed by a Go MySQL driver DSN, read as Ory's services read it: Ory first rewrites
// the query (cut at the first `?`, url.ParseQuery, pool keys removed, parseTime/multiStatements/
// clientFoundRows forced, url.Values.Encode), then go-sql-driver/mysql parses the result. Also
// accepts the URL style users paste (mysql://user:pass@host:3306/db) with a warning.
import { DsnError } from './errors.js';
import { goEncode, goParseQuery, goQueryEscape, rejectEmptyKeys, type GoQuery, type GoQueryPair } from './go-query.js';
import { splitMysqlSections } from './mysql-address.js';
import { applyDriverParam, finishDriverParams } from './mysql-driver-params.js';
import { ORY_FORCED_MYSQL_FLAGS } from './mysql-params.js';
import { blankMysqlDsn, applyAddress } from './mysql-target.js';
import { percentDecode } from './percent-decode.js';
import { readOryPool } from './pool-params.js';
import { isSecretParam } from './go-query.js';
import { REDACTED } from './redact.js';
import type { MysqlDsn } from './types.js';

export function parseMysql(dsn: string, bodyOffset: number, cpuCount: number, redacted: string): MysqlDsn {
  const body = dsn.slice(bodyOffset);
  const warnings: string[] = [];
  const result = blankMysqlDsn(redacted, warnings);

  // Ory: strings.Cut(dsn, "?"), then url.ParseQuery of the rest.
  const question = body.indexOf('?');
  const beforeQuery = question === -1 ? body : body.slice(0, question);
  const query = question === -1 ? null : goParseQuery(body.slice(question + 1), bodyOffset + question + 1);
  const credentialsMayHoldQuestionMark = question !== -1 && body.indexOf('@', question) !== -1;
  if (!beforeQuery.includes('/')) {
    if (credentialsMayHoldQuestionMark) throw questionMarkInCredentials(bodyOffset + question);
    throw new DsnError(
      'malformed',
      body === ''
        ? 'The MySQL DSN is empty after mysql:// (Ory appends its parameters and the driver then finds no "/").'
        : 'The MySQL DSN has no "/" before the database name.',
      'Write mysql://user:password@tcp(host:3306)/database (the "/" is required even without a database).',
      null,
      bodyOffset + beforeQuery.length,
    );
  }
  if (query?.error) throw unparsableQuery(query, credentialsMayHoldQuestionMark);

  const pool = readOryPool(query, cpuCount, warnings);
  result.pool = pool.pool;
  result.poolParams = pool.given;
  const pairs = (query?.pairs ?? []).filter((pair) => !pool.removed.has(pair.key));
  rejectEmptyKeys(pairs);
  for (const pair of pairs) {
    const shown = isSecretParam(pair.key) ? REDACTED : pair.value;
    result.params[pair.key] = pair.key in result.params ? `${result.params[pair.key]}, ${shown}` : shown;
  }
  const driverPairs = forceOryFlags(pairs, warnings, bodyOffset + body.length);
  result.driverQuery = goEncode(driverPairs);

  // go-sql-driver/mysql ParseDSN on the rewritten text: the last `/`, the last `@`, the first `:`.
  const sections = splitMysqlSections(beforeQuery, bodyOffset);
  result.user = sections.user;
  result.password = sections.password;
  applyAddress(result, sections);
  const database = percentDecode(sections.database, { what: 'the database name', param: 'database', offset: sections.databaseOffset });
  result.database = database === '' ? null : database;
  reportRepeats(driverPairs, warnings);
  for (const pair of sortedLikeEncode(driverPairs)) applyDriverParam(result, pair, goQueryEscape(pair.value));
  finishDriverParams(result);
  return result;
}

/** Ory's q.Set: the three flags are true whatever the DSN says (so `parseTime=yes` is no error). */
function forceOryFlags(pairs: GoQueryPair[], warnings: string[], end: number): GoQueryPair[] {
  for (const flag of ORY_FORCED_MYSQL_FLAGS) {
    const given = pairs.filter((pair) => pair.key === flag);
    if (given.some((pair) => pair.value !== 'true')) {
      warnings.push(
        `${flag}=${given.map((pair) => pair.value).join(',')} is overwritten: Ory's services set ${flag}=true before the driver reads the DSN, and dsnsh does the same.`,
      );
    }
  }
  const kept = pairs.filter((pair) => !(ORY_FORCED_MYSQL_FLAGS as readonly string[]).includes(pair.key));
  return [
    ...kept,
    ...ORY_FORCED_MYSQL_FLAGS.map((flag) => ({
      key: flag,
      value: 'true',
      position: pairs.find((pair) => pair.key === flag)?.position ?? end,
    })),
  ];
}

/** Values.Encode sorts the keys and keeps each key's values in order; the driver reads them so. */
function sortedLikeEncode(pairs: GoQueryPair[]): GoQueryPair[] {
  return [...pairs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function reportRepeats(pairs: GoQueryPair[], warnings: string[]): void {
  const seen = new Set<string>();
  for (const pair of pairs) {
    if (seen.has(pair.key) && !(ORY_FORCED_MYSQL_FLAGS as readonly string[]).includes(pair.key)) {
      warnings.push(`${pair.key} is given more than once: the service's driver reads every copy in order, so the last one wins.`);
    }
    seen.add(pair.key);
  }
}

function questionMarkInCredentials(position: number): DsnError {
  return new DsnError(
    'malformed',
    'The DSN has a "?" before the "@" that ends the credentials: Ory\'s services cut a MySQL DSN at its first "?", so a "?" in the user name or password breaks it.',
    'The MySQL driver does not decode %3F in passwords either: choose a password without "?" (":", "@" and "/" are fine unescaped).',
    'password',
    position,
  );
}

function unparsableQuery(query: GoQuery, hideText: boolean): DsnError {
  const dropped = query.dropped[0]!;
  const named = hideText ? 'A parameter' : `The parameter "${dropped.segment.split('=')[0]}"`;
  return new DsnError(
    dropped.code,
    `${named} cannot be read: ${dropped.reason}. Ory's services then keep the whole DSN unchanged (parseTime, multiStatements and clientFoundRows are not forced, the pool keys reach the server as variables).`,
    'Percent-encode the value (";" as %3B, "%" as %25).',
    hideText ? null : (dropped.segment.split('=')[0] ?? null),
    dropped.position,
  );
}
