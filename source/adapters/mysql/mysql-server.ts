// What doctor and the connection diagnosis know of MySQL and MariaDB servers: the Go driver's
// tls words, its timeout, the service's user, and Ory's migration preflight after connecting.
import type { MysqlDsn } from '../../dsn/types.js';
import { MYSQL_REQUIRE_SECURE_TRANSPORT_SQL, mysqlPreflight } from '../../ory/server-requirements.js';
import type { ServerKnowledge } from '../backend-server.js';

export const mysqlServer: ServerKnowledge<MysqlDsn> = {
  wire: {
    protocol: 'mysql',
    owner: "MySQL's",
    name: "MySQL's protocol (MySQL or MariaDB)",
    wrongProtocolFix: 'use a mysql:// DSN (mysql://user:password@tcp(host:port)/database), or the port of the PostgreSQL server',
  },
  schemes: { mysql: 'mysql://' },
  address: (dsn) => (dsn.protocol === 'unix' ? (dsn.socket ?? '') : `${dsn.host}:${dsn.port}`),
  connectTimeoutMs: (dsn) => dsn.timeoutMs,
  withConnectTimeout: (dsn, ms) => ({ ...dsn, timeoutMs: ms }),
  refusedHint: () => '',
  // The Go driver sends no application name.
  serviceIdentity: (dsn) => ({ serviceUser: dsn.user, serviceApplication: null }),
  tls: {
    setting: (dsn) => `tls=${dsn.tls}`,
    defaulted: () => false,
    allowsPlaintext: (dsn) => dsn.tls === 'false' || dsn.tls === 'preferred',
    strictSetting: 'tls=true',
    verifyingSetting: 'tls=true',
    verifiesAgainst: '',
    caHint: '',
    requiredByRule: "require_secure_transport or the user's REQUIRE SSL",
    requiredFix: 'use tls=true (verifies the server) or tls=skip-verify (encrypts only)',
    unverifiableFix: "install the server's CA in the system store for tls=true, or use tls=skip-verify (encrypts without verifying)",
  },
  requirements: { requireSecureTransportSql: MYSQL_REQUIRE_SECURE_TRANSPORT_SQL, preflight: mysqlPreflight },
};
