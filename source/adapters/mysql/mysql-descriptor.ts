// What dsnsh knows of mysql:// DSNs and MySQL/MariaDB servers, without mysql2.
import type { MysqlDsn } from '../../dsn/types.js';
import type { BackendDescriptor } from '../backend-descriptor.js';
import { mysqlExplain } from './mysql-explain.js';
import { mysqlServer } from './mysql-server.js';

export const mysqlDescriptor: BackendDescriptor<MysqlDsn> = {
  name: 'mysql',
  backends: ['mysql'],
  schemes: [{ scheme: 'mysql', backend: 'mysql', defaultPort: 3306 }],
  wrongCaseConsequence: (written) =>
    `Ory does not recognise it as MySQL: its parameters are not rewritten and the driver logs in as the user "${written}"`,
  sqlDialect: 'mysql',
  migrationDialects: { mysql: 'mysql' },
  explain: mysqlExplain,
  server: mysqlServer,
  // One connection reaches every database of the server: \c is USE on it.
  databases: {
    named: (dsn) => dsn.database,
    change: { kind: 'statement', statement: (database) => `USE \`${database.replace(/`/g, '``')}\`` },
  },
};
