// Creates the benchmark table (id integer, name text, amount numeric(12,2), created_at timestamp)
// with ROWS rows in PostgreSQL, MariaDB and a SQLite file. Idempotent: a table that already holds
// exactly ROWS rows is reused. Every 100th name holds a comma and quotes, so CSV quoting is exercised.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { MYSQL, PG, ROWS, SQLITE_FILE, TABLE } from './environment.mjs';

const log = (text) => process.stderr.write(`bench: ${text}\n`);

/** @returns {Promise<{postgres: string|null, mysql: string|null, sqlite: string|null}>} null = ready, else why not */
export async function setupData() {
  return {
    postgres: await attempt('PostgreSQL', setupPostgres),
    mysql: await attempt('MariaDB', setupMysql),
    sqlite: await attempt('SQLite', setupSqlite),
  };
}

async function attempt(name, fn) {
  try {
    await fn();
    return null;
  } catch (error) {
    const why = `${name} data not available: ${error.message}`;
    log(why);
    return why;
  }
}

async function setupPostgres() {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ ...PG, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    if (await countMatches(() => client.query(`select count(*)::int as n from ${TABLE}`).then((r) => r.rows[0].n))) return;
    log(`creating ${ROWS} rows in PostgreSQL ${PG.database}.${TABLE} …`);
    await client.query(`drop table if exists ${TABLE}`);
    await client.query(
      `create table ${TABLE} (id integer primary key, name text not null, amount numeric(12,2) not null, created_at timestamp not null)`,
    );
    await client.query(`insert into ${TABLE}
      select g, 'name-' || g || case when g % 100 = 0 then ', "quoted"' else '' end,
             round(((g::bigint * 7919) % 10000000) / 100.0, 2),
             timestamp '2024-01-01' + g * interval '17 seconds'
      from generate_series(1, ${ROWS}) g`);
    await client.query(`vacuum analyze ${TABLE}`);
  } finally {
    await client.end();
  }
}

async function setupMysql() {
  const { default: mysql } = await import('mysql2/promise');
  const conn = await mysql.createConnection({ ...MYSQL, connectTimeout: 5000 });
  try {
    if (await countMatches(() => conn.query(`select count(*) as n from ${TABLE}`).then(([rows]) => Number(rows[0].n)))) return;
    log(`creating ${ROWS} rows in MariaDB ${MYSQL.database}.${TABLE} …`);
    await conn.query(`drop table if exists ${TABLE}`);
    // DATETIME is MariaDB's timestamp-without-time-zone (its TIMESTAMP ends in 2038 and may auto-update).
    await conn.query(
      `create table ${TABLE} (id int primary key, name text not null, amount decimal(12,2) not null, created_at datetime not null) engine=InnoDB`,
    );
    const select = (source) => `insert into ${TABLE}
      select g, concat('name-', g, if(g % 100 = 0, ', "quoted"', '')),
             round(((g * 7919) % 10000000) / 100, 2),
             timestamp '2024-01-01 00:00:00' + interval (g * 17) second
      from ${source}`;
    try {
      await conn.query(select(`(select seq as g from seq_1_to_${ROWS}) s`)); // MariaDB's Sequence engine
    } catch {
      await conn.query(`set session cte_max_recursion_depth = ${ROWS + 1}`).catch(() => {});
      await conn.query(`with recursive s(g) as (select 1 union all select g + 1 from s where g < ${ROWS}) ${select('s')}`);
    }
  } finally {
    await conn.end();
  }
}

async function setupSqlite() {
  const { default: Database } = await import('better-sqlite3');
  if (existsSync(SQLITE_FILE)) {
    const db = new Database(SQLITE_FILE, { readonly: true });
    try {
      if (await countMatches(() => db.prepare(`select count(*) as n from ${TABLE}`).get().n)) return;
    } finally {
      db.close();
    }
  }
  log(`creating ${ROWS} rows in SQLite ${SQLITE_FILE} …`);
  // Built under a temporary name, renamed when complete: a half-built file is never reused.
  const partial = `${SQLITE_FILE}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(partial);
  db.exec(`create table ${TABLE} (id integer primary key, name text not null, amount numeric(12,2) not null, created_at timestamp not null);
    with recursive s(g) as (select 1 union all select g + 1 from s where g < ${ROWS})
    insert into ${TABLE}
      select g, 'name-' || g || case when g % 100 = 0 then ', "quoted"' else '' end,
             round(((g * 7919) % 10000000) / 100.0, 2),
             datetime('2024-01-01', '+' || (g * 17) || ' seconds')
      from s;`);
  db.close();
  renameSync(partial, SQLITE_FILE);
}

async function countMatches(count) {
  try {
    return (await count()) === ROWS;
  } catch {
    return false; // table missing
  }
}
