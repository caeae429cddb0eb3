// go-sql-driver/mysql's parseDSNParams and normalize, applied to the query Ory rewrote. Most
// driver parameters are read WITHOUT decoding (charset, collation, booleans, durations, integers),
// so a value survives only when Ory's re-encoding leaves it as it was ([A-Za-z0-9-_.~]);
// loc, tls names, serverPubKey, connectionAttributes and session variables are decoded.
import { MYSQL_BOOL_WORDS, readMysqlBool } from './booleans.js';
import { DsnError } from './errors.js';
import { nanosToMs, parseGoDuration } from './go-duration.js';
import { parseGoInt } from './go-int.js';
import { goLocationProblem } from './go-location.js';
import type { GoQueryPair } from './go-query.js';
import { MYSQL_DRIVER_PARAMS, UNSAFE_INTERPOLATION_COLLATIONS } from './mysql-params.js';
import { isSessionVariableName, sessionValueProblem } from './mysql-session-value.js';
import { isPoolKey } from './pool-params.js';
import type { MysqlDsn, MysqlTls } from './types.js';

/** How Ory's rewriting changed a raw-read value, for messages. */
function rewritten(value: string, raw: string): string {
  return raw === value ? '' : ` (Ory's DSN rewriting turns "${value}" into "${raw}" before the driver reads it)`;
}

export function applyDriverParam(result: MysqlDsn, pair: GoQueryPair, raw: string): void {
  const { key, value, position } = pair;
  const kind = MYSQL_DRIVER_PARAMS[key];
  switch (kind) {
    case undefined:
      setSessionVariable(result, pair);
      return;
    case 'bool': {
      const flag = readMysqlBool(raw);
      if (flag === null)
        throw new DsnError(
          'bad_bool',
          `${key} "${value}" is not a boolean${rewritten(value, raw)}.`,
          `Use ${MYSQL_BOOL_WORDS}.`,
          key,
          position,
        );
      if (key === 'parseTime' || key === 'multiStatements' || key === 'clientFoundRows') return; // forced true by Ory
      result.driverFlags[key] = raw;
      return;
    }
    case 'duration': {
      const parsed = parseGoDuration(raw);
      if (!parsed.ok) {
        const hint =
          raw === value
            ? 'Use a Go duration such as 30s, 0.5m or 1m30s.'
            : 'Use only letters, digits and "." in durations (e.g. 300us instead of 300µs): Ory re-encodes everything else.';
        throw new DsnError(
          'bad_duration',
          `${key} "${value}" is not a valid duration: ${parsed.reason}${rewritten(value, raw)}.`,
          hint,
          key,
          position,
        );
      }
      // A negative timeout is accepted by the driver and means no deadline, like 0.
      const ms = parsed.nanos < 0n ? 0 : nanosToMs(parsed.nanos);
      if (key === 'timeout') result.timeoutMs = ms;
      else if (key === 'readTimeout') result.readTimeoutMs = ms;
      else if (key === 'writeTimeout') result.writeTimeoutMs = ms;
      else result.driverFlags[key] = raw;
      return;
    }
    case 'int': {
      const parsed = parseGoInt(raw);
      if (parsed === null) {
        throw new DsnError(
          'bad_value',
          `${key} "${value}" is not a whole number of bytes${rewritten(value, raw)}.`,
          `Give bytes as digits, e.g. ${key}=67108864 (0 or less = read max_allowed_packet from the server).`,
          key,
          position,
        );
      }
      // The driver uses a positive value as is; 0 or less reads the server's max_allowed_packet.
      result.maxAllowedPacket = Math.max(0, parsed);
      return;
    }
    case 'tls':
      result.tls = readTls(value, raw, position);
      return;
    case 'loc': {
      const problem = goLocationProblem(value);
      if (problem)
        throw new DsnError(
          'bad_value',
          `loc "${value}" cannot be loaded: ${problem}.`,
          'Use an IANA zone name as tzdata spells it (loc=Europe%2FBerlin; case matters), UTC or Local.',
          'loc',
          position,
        );
      result.loc = value === '' ? 'UTC' : value;
      return;
    }
    case 'charset':
      // strings.Split(value, ",") on the raw text: Ory has already turned every "," into %2C.
      result.charsets = raw.split(',');
      if (raw !== value) {
        result.warnings.push(
          `charset "${value}": Ory's DSN rewriting turns it into "${raw}", so the service's driver sends SET NAMES ${raw} and the connection fails; dsnsh fails the same way. Give one character set (charset=utf8mb4).`,
        );
      }
      return;
    case 'pubkey':
      throw new DsnError(
        'bad_value',
        `serverPubKey "${value}" names a public key that was never registered: Ory's services register none, so the driver refuses the DSN.`,
        'Remove serverPubKey (use tls=true for caching_sha2_password over TLS).',
        key,
        position,
      );
    case 'removed':
      throw new DsnError(
        'bad_param',
        "strict was removed from the Go MySQL driver: the service's driver panics when it reads it.",
        "Remove strict and set the server's sql_mode instead (e.g. sql_mode=TRADITIONAL).",
        key,
        position,
      );
    case 'string':
      if (key === 'collation') {
        if (raw === '')
          throw new DsnError('bad_value', 'collation is empty.', 'Name a collation, e.g. collation=utf8mb4_general_ci.', key, position);
        result.collation = raw;
      } else result.driverFlags[key] = key === 'connectionAttributes' ? value : raw;
      return;
  }
}

/** The driver's normalize(): checks that need every parameter. */
export function finishDriverParams(result: MysqlDsn): void {
  const interpolate = result.driverFlags.interpolateParams;
  if (interpolate !== undefined && readMysqlBool(interpolate) && UNSAFE_INTERPOLATION_COLLATIONS.has(result.collation)) {
    throw new DsnError(
      'bad_value',
      `interpolateParams cannot be used with the collation ${result.collation}: escaping is unsafe in that character set.`,
      'Drop interpolateParams or choose a utf8mb4 collation.',
      'interpolateParams',
    );
  }
}

function readTls(value: string, raw: string, position: number): MysqlTls {
  const flag = readMysqlBool(raw);
  if (flag !== null) return flag ? 'true' : 'false';
  const lower = raw.toLowerCase(); // the driver lower-cases these two
  if (lower === 'skip-verify' || lower === 'preferred') return lower;
  if (value === '') return 'false'; // an empty name is "no TLS" in the driver's normalize()
  throw new DsnError(
    'bad_value',
    `tls "${value}" is not a TLS setting the service knows (custom TLS configurations must be registered in code).`,
    'Use tls=true (verify), skip-verify (no verification), preferred (TLS if offered) or false.',
    'tls',
    position,
  );
}

function setSessionVariable(result: MysqlDsn, pair: GoQueryPair): void {
  const { key, value, position } = pair;
  if (!isSessionVariableName(key)) {
    throw new DsnError(
      'bad_param',
      `"${key}" is neither a MySQL driver parameter nor a system variable name the service can set (Ory's rewriting keeps only letters, digits and _ in names).`,
      'Unknown parameters become `SET name = value` on each connection; check the spelling (names are case-sensitive).',
      key,
      position,
    );
  }
  const problem = sessionValueProblem(value);
  if (problem) {
    const pool = isPoolKey(key)
      ? ` Ory does not remove an empty ${key}: it reaches the server as a session variable, and the service fails to connect.`
      : '';
    throw new DsnError(
      'bad_value',
      `The value of ${key} is not one value: ${problem}. DSN parameters the driver does not know become "SET ${key} = …", and dsnsh never sends a value that is more than one value.${pool}`,
      `Give one value, quoted for strings: ${key}=%27value%27 (a number or a bare word needs no quotes).`,
      key,
      position,
    );
  }
  result.systemVariables[key] = value;
}
