// PostgreSQL and CockroachDB URLs: postgres://user:password@host:port/database?params, read as
// pgx (the driver behind Ory's services) reads them. Known connection options fill typed fields;
// every other parameter is a server setting sent at connection start.
import { DsnError } from './errors.js';
import { percentDecode } from './percent-decode.js';
import { givenPoolParams, isPoolKey, readPoolSettings } from './pool-params.js';
import { isSecretParam, readQueryString } from './query-string.js';
import { REDACTED } from './redact.js';
import { CONNECTION_OPTIONS, UNAPPLIED_OPTIONS } from './postgres-params.js';
import type { SchemeRow } from './schemes.js';
import { parsePort, splitAuthority } from './url-authority.js';
import type { PgSslMode, PostgresDsn } from './types.js';

const SSL_MODES: readonly PgSslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

export function parsePostgres(dsn: string, scheme: SchemeRow, bodyOffset: number, cpuCount: number, redacted: string): PostgresDsn {
  const backend = scheme.backend === 'cockroach' ? 'cockroach' : 'postgres';
  const body = dsn.slice(bodyOffset);
  const hash = body.indexOf('#');
  if (hash !== -1) {
    throw new DsnError('malformed', 'The DSN contains "#", which ends a URL: everything after it would be ignored.', 'Percent-encode "#" as %23 (in passwords too).', null, bodyOffset + hash);
  }
  const question = body.indexOf('?');
  const main = question === -1 ? body : body.slice(0, question);
  const slash = main.indexOf('/');
  const authority = slash === -1 ? main : main.slice(0, slash);
  if (!authority.includes('@') && main.slice(slash + 1).includes('@') && slash !== -1) {
    throw new DsnError('malformed', 'The credentials seem to contain an unescaped "/" (an "@" follows the first "/").', 'Percent-encode "/" in user names and passwords as %2F ("?" as %3F, "#" as %23, "@" as %40).', null, bodyOffset + slash);
  }
  if (!authority.includes('@') && question !== -1 && /^[^=&]*@/.test(body.slice(question + 1))) {
    throw new DsnError('malformed', 'The credentials seem to contain an unescaped "?" (an "@" follows it before any parameter).', 'Percent-encode "?" in user names and passwords as %3F ("/" as %2F, "#" as %23, "@" as %40).', null, bodyOffset + question);
  }
  const parts = splitAuthority(authority, bodyOffset);
  const rawPath = slash === -1 ? '' : main.slice(slash + 1).replace(/^\/+/, '');
  const pathDatabase = percentDecode(rawPath, { what: 'the database name', param: 'database', offset: bodyOffset + slash + 1 });

  const warnings: string[] = [];
  const entries = question === -1 ? [] : readQueryString(body.slice(question + 1), bodyOffset + question + 1);
  const pool = readPoolSettings(entries, cpuCount, warnings);

  const result: PostgresDsn = {
    backend,
    redacted,
    pool,
    params: {},
    warnings,
    poolParams: givenPoolParams(entries),
    host: parts.host ?? 'localhost',
    port: parts.port ?? scheme.defaultPort ?? 5432,
    database: pathDatabase === '' ? null : pathDatabase,
    user: parts.user,
    password: parts.password,
    ssl: { mode: 'require', modeDefaulted: true, cert: null, key: null, rootCert: null },
    connectTimeoutMs: 0,
    applicationName: null,
    fallbackApplicationName: null,
    searchPath: null,
    serverSettings: {},
    startupOptions: null,
  };
  let hostGiven = parts.host !== null;

  for (const entry of entries) {
    const { key, value, position } = entry;
    if (isPoolKey(key)) continue;
    result.params[key] = isSecretParam(key) ? REDACTED : value;
    if (!CONNECTION_OPTIONS.has(key)) {
      result.serverSettings[key] = value;
      continue;
    }
    switch (key) {
      case 'host':
        // The query form names one host (or a Unix socket directory), IPv6 without brackets.
        if (value.includes(',')) {
          throw new DsnError('bad_host', `Several hosts are given ("${value}"); dsnsh connects to one.`, 'Give a single host.', key, position);
        }
        if (value !== '') result.host = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
        hostGiven = value !== '';
        break;
      case 'port':
        result.port = parsePort(value, position, 'port');
        break;
      case 'database':
      case 'dbname':
        result.database = value === '' ? null : value;
        break;
      case 'user':
        result.user = value === '' ? null : value;
        break;
      case 'password':
        result.password = value;
        break;
      case 'sslmode':
        if (!(SSL_MODES as readonly string[]).includes(value)) {
          throw new DsnError('bad_value', `sslmode "${value}" is not a valid mode.`, `Use one of ${SSL_MODES.join(', ')} (the default is require).`, key, position);
        }
        result.ssl.mode = value as PgSslMode;
        result.ssl.modeDefaulted = false;
        break;
      case 'sslcert':
        result.ssl.cert = nonEmptyPath(key, value, position);
        break;
      case 'sslkey':
        result.ssl.key = nonEmptyPath(key, value, position);
        break;
      case 'sslrootcert':
        result.ssl.rootCert = nonEmptyPath(key, value, position);
        break;
      case 'connect_timeout':
        result.connectTimeoutMs = parseConnectTimeout(value, position);
        break;
      case 'application_name':
        result.applicationName = value;
        break;
      case 'fallback_application_name':
        result.fallbackApplicationName = value;
        break;
      case 'search_path':
        result.searchPath = value;
        break;
      case 'options':
        result.startupOptions = value;
        break;
      default:
        if (UNAPPLIED_OPTIONS.has(key)) warnings.push(`${key}: understood by the service's driver (pgx) but not applied by dsnsh.`);
    }
  }
  if (!hostGiven) warnings.push('No host is given: the service would try a local Unix socket (/var/run/postgresql, /tmp) first; dsnsh connects to localhost.');
  addSslWarnings(result);
  return result;
}

function nonEmptyPath(key: string, value: string, position: number): string {
  if (value === '') throw new DsnError('bad_value', `${key} is empty.`, `Give the path of a PEM file, or leave ${key} out.`, key, position);
  return value;
}

function parseConnectTimeout(value: string, position: number): number {
  if (!/^\d+$/.test(value) || Number(value) > 2_147_483) {
    throw new DsnError('bad_value', `connect_timeout "${value}" is not a whole number of seconds.`, 'Give seconds as digits, e.g. connect_timeout=10 (0 = wait indefinitely).', 'connect_timeout', position);
  }
  return Number(value) * 1000;
}

function addSslWarnings(dsn: PostgresDsn): void {
  const { ssl } = dsn;
  if (ssl.mode === 'require' && ssl.rootCert !== null) {
    dsn.warnings.push('sslmode=require with sslrootcert verifies the server certificate chain, like verify-ca (libpq behaviour).');
  }
  if ((ssl.cert === null) !== (ssl.key === null)) {
    dsn.warnings.push(`${ssl.cert === null ? 'sslkey' : 'sslcert'} is given without ${ssl.cert === null ? 'sslcert' : 'sslkey'}: a client certificate needs both.`);
  }
  if (ssl.mode === 'disable' && (ssl.cert !== null || ssl.key !== null || ssl.rootCert !== null)) {
    dsn.warnings.push('sslmode=disable: the sslcert, sslkey and sslrootcert files are not used.');
  }
}
