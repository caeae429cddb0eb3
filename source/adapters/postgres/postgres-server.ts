// What doctor and the connection diagnosis know of PostgreSQL and CockroachDB servers: pgx's
// sslmode words, connect_timeout, application_name as the service's identity, and CockroachDB's
// port that a cockroach:// DSN must write out.
import type { PostgresDsn } from '../../dsn/types.js';
import type { ServerKnowledge } from '../backend-server.js';

export const postgresServer: ServerKnowledge<PostgresDsn> = {
  wire: {
    protocol: 'postgres',
    owner: "PostgreSQL's",
    name: "PostgreSQL's protocol (PostgreSQL or CockroachDB)",
    wrongProtocolFix: 'use a postgres:// (or cockroach://) DSN, or the port of the MySQL server',
  },
  schemes: { postgres: 'postgres://', cockroach: 'cockroach://' },
  address: (dsn) => `${dsn.host}:${dsn.port}`,
  connectTimeoutMs: (dsn) => dsn.connectTimeoutMs,
  withConnectTimeout: (dsn, ms) => ({ ...dsn, connectTimeoutMs: ms }),
  refusedHint: (dsn, address) =>
    dsn.backend === 'cockroach' && address.endsWith(':5432')
      ? "; CockroachDB listens on 26257 and a cockroach:// DSN without a port means 5432 (pgx's default): add :26257"
      : '',
  serviceIdentity: (dsn) => ({ serviceUser: dsn.user, serviceApplication: dsn.applicationName }),
  tls: {
    setting: (dsn) => `sslmode=${dsn.ssl.mode}`,
    defaulted: (dsn) => dsn.ssl.modeDefaulted,
    allowsPlaintext: (dsn) => ['disable', 'allow', 'prefer'].includes(dsn.ssl.mode),
    strictSetting: 'sslmode=verify-full (or require)',
    verifyingSetting: 'sslmode=verify-full',
    verifiesAgainst: " with the DSN's sslrootcert or the default CA store",
    caHint: ': give its CA with sslrootcert= before using verify-full',
    requiredByRule: 'a pg_hba.conf hostssl rule',
    requiredFix: 'use sslmode=require (encrypts) or sslmode=verify-full&sslrootcert=/path/to/ca.crt (also verifies the server)',
    unverifiableFix:
      'give the CA that signed it: sslrootcert=/path/to/ca.crt (verify-ca/verify-full), or sslmode=require to encrypt without verifying',
  },
  requirements: null,
};
