// SQL run on the test PostgreSQL server outside dsnsh (set-up and clean-up): one connection per
// call, closed afterwards.
import pg from 'pg';
import { PG_HOST, PG_PORT } from './servers.js';

export async function runPgSql(text: string): Promise<void> {
  const client = new pg.Client({ host: PG_HOST, port: PG_PORT, user: 'postgres', database: 'test' });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
