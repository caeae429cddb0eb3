// What the MySQL/MariaDB driver offers.
import type { Capabilities } from '../adapter.js';

export const MYSQL_CAPABILITIES: Capabilities = {
  transactionalDdl: false,
  serverSideCancel: true,
  concurrentSessions: true,
  serverCsv: false,
  schemas: false,
};
