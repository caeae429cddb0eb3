// mysql:// followed by a Go MySQL driver DSN. Also accepts the URL style users paste
// (mysql://user:pass@host:3306/db) with a warning, because Ory's services reject it.
import { MYSQL_BOOL_WORDS, readMysqlBool } from './booleans.js';
import { DsnError } from './errors.js';
import { nanosToMs, parseGoDuration } from './go-duration.js';
import { parseGoInt } from './go-int.js';
import { splitMysqlSections, type MysqlSections } from './mysql-address.js';
import { MYSQL_DEFAULTS, MYSQL_DRIVER_PARAMS, ORY_FORCED_MYSQL_FLAGS, UNSAFE_INTERPOLATION_COLLATIONS } from './mysql-params.js';
import { percentDecode } from './percent-decode.js';
import { givenPoolParams, isPoolKey, readPoolSettings } from './pool-params.js';
import { isSecretParam, readQueryString, type QueryEntry } from './query-string.js';
import { REDACTED } from './redact.js';
import type { MysqlDsn, MysqlTls } from './types.js';
import { splitHostPort } from './url-authority.js';

export function parseMysql(dsn: string, bodyOffset: number, cpuCount: number, redacted: string): MysqlDsn {
  const body = dsn.slice(bodyOffset);
  const warnings: string[] = [];
  const result = blankMysqlDsn(redacted, warnings);
  if (body === '') return { ...result, pool: readPoolSettings([], cpuCount, warnings) };

  const sections = splitMysqlSections(body, bodyOffset);
  result.user = sections.user;
  result.password = sections.password;
  applyAddress(result, sections);
  const database = percentDecode(sections.database, { what: 'the database name', param: 'database', offset: sections.databaseOffset });
  result.database = database === '' ? null : database;

  const entries = sections.query === null ? [] : readQueryString(sections.query, sections.queryOffset);
  result.pool = readPoolSettings(entries, cpuCount, warnings);
  result.poolParams = givenPoolParams(entries);
  for (const entry of entries) {
    if (isPoolKey(entry.key)) continue;
    result.params[entry.key] = isSecretParam(entry.key) ? REDACTED : entry.value;
    applyParam(result, entry);
  }
  if (result.driverFlags.interpolateParams !== undefined && readMysqlBool(result.driverFlags.interpolateParams) && UNSAFE_INTERPOLATION_COLLATIONS.has(result.collation)) {
    throw new DsnError('bad_value', `interpolateParams cannot be used with the collation ${result.collation}: escaping is unsafe in that character set.`, 'Drop interpolateParams or choose a utf8mb4 collation.', 'interpolateParams');
  }
  for (const flag of ORY_FORCED_MYSQL_FLAGS) {
    if (entries.some((entry) => entry.key === flag && readMysqlBool(entry.value) === false)) {
      warnings.push(`${flag}=false is overridden: Ory's services force ${flag}=true, and dsnsh does the same.`);
    }
  }
  return result;
}

function blankMysqlDsn(redacted: string, warnings: string[]): MysqlDsn {
  return {
    backend: 'mysql',
    redacted,
    pool: { maxConns: 0, maxIdleConns: 0, maxConnLifetimeMs: 0, maxConnIdleTimeMs: 0 },
    params: {},
    warnings,
    poolParams: {},
    protocol: 'tcp',
    host: MYSQL_DEFAULTS.host,
    port: MYSQL_DEFAULTS.port,
    socket: null,
    database: null,
    user: null,
    password: null,
    urlStyle: false,
    collation: MYSQL_DEFAULTS.collation,
    charsets: [],
    loc: MYSQL_DEFAULTS.loc,
    maxAllowedPacket: MYSQL_DEFAULTS.maxAllowedPacket,
    timeoutMs: 0,
    readTimeoutMs: 0,
    writeTimeoutMs: 0,
    tls: 'false',
    parseTime: true,
    multiStatements: true,
    clientFoundRows: true,
    driverFlags: {},
    systemVariables: {},
  };
}

function applyAddress(result: MysqlDsn, sections: MysqlSections): void {
  const { protocol, address, protocolOffset } = sections;
  const addressOffset = protocolOffset + protocol.length + 1;
  if (protocol === 'unix') {
    result.protocol = 'unix';
    result.host = null;
    result.port = null;
    result.socket = address === null || address === '' ? MYSQL_DEFAULTS.socket : address;
    return;
  }
  if (protocol === '' || protocol === 'tcp' || protocol === 'tcp4' || protocol === 'tcp6') {
    if (address === null || address === '') return;
    // Go's ensureHavePort: an address that does not split into host:port gets :3306 appended,
    // so an unbracketed IPv6 address is a host without a port.
    const unbracketedV6 = !address.startsWith('[') && address.indexOf(':') !== address.lastIndexOf(':');
    const { host, port } = unbracketedV6 ? { host: address, port: null } : splitHostPort(address, addressOffset);
    result.host = host ?? MYSQL_DEFAULTS.host;
    result.port = port ?? MYSQL_DEFAULTS.port;
    return;
  }
  if (address !== null) {
    throw new DsnError('malformed', `Unknown MySQL protocol "${protocol}".`, 'Use tcp(host:port) or unix(/path/to/socket).', null, protocolOffset);
  }
  // URL style: host[:port] where the Go driver expects tcp(host:port).
  const { host, port } = splitHostPort(protocol, protocolOffset);
  result.host = host ?? MYSQL_DEFAULTS.host;
  result.port = port ?? MYSQL_DEFAULTS.port;
  result.urlStyle = true;
  if (result.user !== null) result.user = percentDecode(result.user, { what: 'the user name', param: 'user' });
  if (result.password !== null) result.password = percentDecode(result.password, { what: 'the password', param: 'password', secret: true });
  const suggestion = `tcp(${result.host.includes(':') ? `[${result.host}]` : result.host}:${result.port})`;
  result.warnings.push(
    `URL-style address "${protocol}": Ory's services need the Go MySQL form ${suggestion} and would fail to connect; dsnsh accepts it.`,
  );
}

function applyParam(result: MysqlDsn, entry: QueryEntry): void {
  // A bare `key` counts as `key=` (Ory re-encodes the query before the driver reads it).
  const { key, value, position } = entry;
  const kind = MYSQL_DRIVER_PARAMS[key];
  switch (kind) {
    case undefined:
      setSystemVariable(result, entry);
      return;
    case 'bool': {
      const flag = readMysqlBool(value);
      if (flag === null) throw new DsnError('bad_bool', `${key} "${value}" is not a boolean.`, `Use ${MYSQL_BOOL_WORDS}.`, key, position);
      if (key === 'parseTime' || key === 'multiStatements' || key === 'clientFoundRows') return; // forced true
      result.driverFlags[key] = value;
      return;
    }
    case 'duration': {
      const parsed = parseGoDuration(value);
      if (!parsed.ok || parsed.nanos < 0n) {
        const reason = parsed.ok ? 'it is negative' : parsed.reason;
        throw new DsnError('bad_duration', `${key} "${value}" is not a valid duration: ${reason}.`, 'Use a Go duration such as 30s, 0.5m or 1m30s.', key, position);
      }
      const ms = nanosToMs(parsed.nanos);
      if (key === 'timeout') result.timeoutMs = ms;
      else if (key === 'readTimeout') result.readTimeoutMs = ms;
      else if (key === 'writeTimeout') result.writeTimeoutMs = ms;
      else result.driverFlags[key] = value;
      return;
    }
    case 'int': {
      const parsed = parseGoInt(value);
      if (parsed === null || parsed < 0) {
        throw new DsnError('bad_value', `${key} "${value}" is not a whole number of bytes.`, `Give bytes as digits, e.g. ${key}=67108864 (0 = read max_allowed_packet from the server).`, key, position);
      }
      result.maxAllowedPacket = parsed;
      return;
    }
    case 'tls':
      result.tls = readTls(value, position);
      return;
    case 'loc':
      result.loc = readLocation(value, position);
      return;
    case 'charset':
      result.charsets = value.split(',').filter((name) => name !== '');
      return;
    case 'string':
      if (key === 'collation') {
        if (value === '') throw new DsnError('bad_value', 'collation is empty.', 'Name a collation, e.g. collation=utf8mb4_general_ci.', key, position);
        result.collation = value;
      } else result.driverFlags[key] = value;
      return;
  }
}

function readTls(value: string, position: number): MysqlTls {
  const flag = readMysqlBool(value);
  if (flag !== null) return flag ? 'true' : 'false';
  const lower = value.toLowerCase(); // the Go driver lower-cases these two
  if (lower === 'skip-verify' || lower === 'preferred') return lower;
  throw new DsnError(
    'bad_value',
    `tls "${value}" is not a TLS setting the service knows (custom TLS configurations must be registered in code).`,
    'Use tls=true (verify), skip-verify (no verification), preferred (TLS if offered) or false.',
    'tls',
    position,
  );
}

function readLocation(value: string, position: number): string {
  if (value === '' || value === 'UTC') return 'UTC';
  if (value === 'Local') return 'Local';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value;
  } catch {
    throw new DsnError('bad_value', `loc "${value}" is not a known time zone.`, 'Use an IANA zone name escaped for URLs (loc=Europe%2FBerlin), UTC or Local.', 'loc', position);
  }
}

function setSystemVariable(result: MysqlDsn, entry: QueryEntry): void {
  const { key, value, position } = entry;
  if (!/^[A-Za-z_@][A-Za-z0-9_.@$]*$/.test(key)) {
    throw new DsnError('bad_param', `"${key}" is neither a MySQL driver parameter nor a system variable name.`, 'Unknown parameters become `SET name = value`; check the spelling (names are case-sensitive).', key, position);
  }
  if (value === '') {
    throw new DsnError('bad_value', `System variable ${key} has an empty value (it would run "SET ${key}=").`, `Give a value, quoted for strings: ${key}=%27value%27.`, key, position);
  }
  result.systemVariables[key] = value;
}
