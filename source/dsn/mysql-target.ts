// Where a MySQL DSN connects: the driver's `protocol(address)` (tcp, tcp4, tcp6, unix) with its
// defaults, or the URL style users paste (host:port without `tcp(...)`), accepted with a warning.
import { DsnError } from './errors.js';
import type { MysqlSections } from './mysql-address.js';
import { MYSQL_DEFAULTS } from './mysql-params.js';
import { percentDecode } from './percent-decode.js';
import type { MysqlDsn } from './types.js';
import { splitHostPort } from './url-authority.js';

export function blankMysqlDsn(redacted: string, warnings: string[]): MysqlDsn {
  return {
    backend: 'mysql',
    redacted,
    pool: { maxConns: 0, maxIdleConns: 0, maxConnLifetimeMs: 0, maxConnIdleTimeMs: 0 },
    params: {},
    warnings,
    poolParams: {},
    sources: {},
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
    driverQuery: '',
  };
}

export function applyAddress(result: MysqlDsn, sections: MysqlSections): void {
  const { protocol, address, protocolOffset } = sections;
  const addressOffset = protocolOffset + protocol.length + 1;
  if (protocol === 'unix') {
    result.protocol = 'unix';
    result.host = null;
    result.port = null;
    result.socket = address === null || address === '' ? MYSQL_DEFAULTS.socket : address;
    return;
  }
  if (protocol === '' || protocol === 'tcp') {
    if (address === null || address === '') return;
    // Go's ensureHavePort: an address that does not split into host:port gets :3306 appended,
    // so an unbracketed IPv6 address is a host without a port.
    const unbracketedV6 = !address.startsWith('[') && address.indexOf(':') !== address.lastIndexOf(':');
    const { host, port } = unbracketedV6 ? { host: address, port: null } : splitHostPort(address, addressOffset);
    result.host = host ?? MYSQL_DEFAULTS.host;
    result.port = port ?? MYSQL_DEFAULTS.port;
    return;
  }
  if (protocol === 'tcp4' || protocol === 'tcp6') {
    // The driver adds the default address and port for "tcp" only: tcp4/tcp6 must name both.
    if (address === null || address === '') {
      throw new DsnError(
        'malformed',
        `The protocol ${protocol} has no address: the driver knows a default address only for tcp and unix.`,
        `Write ${protocol}(host:3306), or tcp(host).`,
        null,
        protocolOffset,
      );
    }
    const { host, port } = splitHostPort(address, addressOffset);
    if (port === null) {
      throw new DsnError(
        'bad_port',
        `The address ${protocol}(${address}) has no port: the driver adds :3306 only for tcp, so the service's dial fails ("missing port in address").`,
        `Write ${protocol}(${address.startsWith('[') || !address.includes(':') ? address : `[${address}]`}:3306).`,
        'port',
        addressOffset,
      );
    }
    result.host = host ?? MYSQL_DEFAULTS.host;
    result.port = port;
    return;
  }
  if (address !== null) {
    throw new DsnError(
      'malformed',
      `Unknown MySQL protocol "${protocol}".`,
      'Use tcp(host:port) or unix(/path/to/socket).',
      null,
      protocolOffset,
    );
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
