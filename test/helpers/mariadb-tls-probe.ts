// Opens a MySQL DSN and prints what happened as one JSON line. The TLS suite bundles this and
// runs it in a child process, because only a new process can trust an extra CA
// (NODE_EXTRA_CA_CERTS), as `tls=true` verifies against the system's trusted CAs.
import { openMysqlAdapter } from '../../source/adapters/mysql/mysql-adapter.js';
import { AdapterError } from '../../source/adapters/adapter-error.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';

const text = process.argv[2] ?? '';
const dsn = parseDsn(text);
if (dsn.backend !== 'mysql') throw new Error('expected a mysql DSN');
try {
  const adapter = await openMysqlAdapter(dsn);
  const facts = await adapter.serverFacts();
  await adapter.close();
  console.log(JSON.stringify({ ok: true, tls: facts.tls }));
} catch (error) {
  const kind = error instanceof AdapterError ? error.kind : 'unexpected';
  console.log(JSON.stringify({ ok: false, kind, message: (error as Error).message }));
}
