// MySQL and MariaDB (mysql://) as one module; mysql2 loads on open().
import type { MysqlDsn } from '../../dsn/types.js';
import type { BackendModule } from '../backend-module.js';
import { mysqlDescriptor } from './mysql-descriptor.js';
import { parseMysql } from '../../dsn/parse-mysql.js';
import { MYSQL_CAPABILITIES } from './mysql-capabilities.js';

export const mysqlModule: BackendModule<MysqlDsn> = {
  ...mysqlDescriptor,
  parse: (text, _scheme, { bodyOffset, cpuCount, redacted }) => parseMysql(text, bodyOffset, cpuCount, redacted),
  capabilities: () => MYSQL_CAPABILITIES,
  activity: true,
  nameCase: 'caseless',
  async open(dsn, options = {}) {
    const { openMysqlAdapter } = await import('./mysql-adapter.js');
    return openMysqlAdapter(dsn, { readOnly: options.readOnly === true });
  },
  async probe(dsn, timeoutMs) {
    const { probeMysql } = await import('./mysql-probe.js');
    return probeMysql(dsn, timeoutMs);
  },
};
