// How `dsn explain` describes a mysql:// DSN: one host or a socket, the Go driver's tls values,
// the statements its connector sends on connect, and the three flags Ory forces to true.
import { MYSQL_PARAM_DOCS } from '../../dsn/param-docs.js';
import { MYSQL_READ_ONLY_STATEMENT, mysqlSessionStatements } from '../../dsn/session-statements.js';
import type { MysqlDsn } from '../../dsn/types.js';
import type { ExplainEffective, ExplainKnowledge } from '../backend-explain.js';
import { serverTargetText } from '../server-target-text.js';

/** Ory forces these to true whatever the DSN says. */
const FORCED_BY_ORY = ['parseTime', 'multiStatements', 'clientFoundRows'];

export const mysqlExplain: ExplainKnowledge<MysqlDsn> = {
  titles: { mysql: 'mysql (MySQL / MariaDB)' },
  paramDocs: () => MYSQL_PARAM_DOCS,
  meaningOfUnlisted: () => 'session system variable, applied after connecting with SET',
  valueInEffect: (name, value) => (!FORCED_BY_ORY.includes(name) || value === 'true' ? value : `${value} (in effect: true, forced by Ory)`),
  target: (dsn) => ({ host: dsn.host, port: dsn.port, socket: dsn.socket, path: null, database: dsn.database, user: dsn.user }),
  targetText: (dsn, target) =>
    serverTargetText(target, dsn.password === null || dsn.password === '' ? 'no password' : 'password given (hidden)'),
  effective: (dsn) => ({
    hosts: [dsn.protocol === 'unix' ? { host: null, port: null, socket: dsn.socket } : { host: dsn.host, port: dsn.port, socket: null }],
    port: dsn.port,
    database: dsn.database,
    user: dsn.user,
    passwordFrom: dsn.password === null || dsn.password === '' ? null : 'dsn',
    tls: mysqlTls(dsn),
  }),
  addSources(dsn, sources) {
    for (const key of Object.keys(dsn.params)) sources[key] ??= 'dsn';
    for (const flag of FORCED_BY_ORY) sources[flag] = 'service (Ory forces true)';
    sources.maxAllowedPacket ??= 'default (go-sql-driver/mysql: 64 MiB)';
  },
  sessionStatements: (dsn) => mysqlSessionStatements(dsn),
  onConnectNotes: [`(with --read-only, ${MYSQL_READ_ONLY_STATEMENT} is sent before everything else)`],
};

function mysqlTls(dsn: MysqlDsn): ExplainEffective['tls'] {
  switch (dsn.tls) {
    case 'false':
      return { encrypt: 'never', verify: 'none' };
    case 'true':
      return { encrypt: 'always', verify: 'chain-and-host-name' };
    case 'skip-verify':
      return { encrypt: 'always', verify: 'none' };
    case 'preferred':
      return dsn.protocol === 'unix' ? { encrypt: 'never', verify: 'none' } : { encrypt: 'if-offered', verify: 'none' };
  }
}
