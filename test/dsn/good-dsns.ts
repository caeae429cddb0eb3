// Valid DSNs with the fields they must parse to (cpuCount 2: max_conns 4, max_idle_conns 2), read
// with GOOD_DSN_ENVIRONMENT (no PG* variables, OS user "osuser", no socket directory). The first
// block is every example of the seed document.
import { expect } from 'vitest';
import type { ParsedDsn } from '../../source/dsn/types.js';
import { fixedEnvironment } from './fixed-environment.js';

export const GOOD_DSN_ENVIRONMENT = fixedEnvironment();

type Expected = Partial<Record<keyof ParsedDsn | string, unknown>>;

const DEFAULT_POOL = { maxConns: 4, maxIdleConns: 2, maxConnLifetimeMs: 0, maxConnIdleTimeMs: 0 };
const MYSQL_DEFAULTS = {
  collation: 'utf8mb4_general_ci',
  loc: 'UTC',
  maxAllowedPacket: 67108864,
  tls: 'false',
  parseTime: true,
  multiStatements: true,
  clientFoundRows: true,
  urlStyle: false,
};
const PG_SSL_DEFAULT = { mode: 'prefer', modeDefaulted: true, cert: null, key: null, rootCert: null };
const BUSY = { name: 'busy_timeout', value: '5000' };
const FK_ON = { name: 'foreign_keys', value: '1' };
// mattn/go-sqlite3 runs PRAGMA synchronous = NORMAL unless _sync is given.
const SYNC = { name: 'synchronous', value: 'NORMAL' };

export const SEED_EXAMPLES: [string, Expected][] = [
  [
    'memory',
    {
      backend: 'memory',
      path: ':memory:',
      inMemory: true,
      pragmas: [BUSY, FK_ON],
      params: {},
      warnings: [],
      pool: DEFAULT_POOL,
      redacted: 'memory',
    },
  ],
  [
    'sqlite:///tmp/some-db.sqlite?_fk=true',
    {
      backend: 'sqlite',
      path: '/tmp/some-db.sqlite',
      inMemory: false,
      pragmas: [BUSY, FK_ON, SYNC],
      params: { _fk: 'true' },
      warnings: [],
    },
  ],
  [
    'postgres://user:password@host:123/database',
    {
      backend: 'postgres',
      host: 'host',
      port: 123,
      database: 'database',
      user: 'user',
      password: 'password',
      ssl: PG_SSL_DEFAULT,
      params: {},
      serverSettings: {},
      redacted: 'postgres://user:***@host:123/database',
    },
  ],
  [
    'postgres://user:password@host:123/database?sslmode=verify-full',
    {
      backend: 'postgres',
      host: 'host',
      port: 123,
      ssl: { ...PG_SSL_DEFAULT, mode: 'verify-full', modeDefaulted: false },
      params: { sslmode: 'verify-full' },
      serverSettings: {},
    },
  ],
  [
    'mysql://user:password@tcp(host:123)/database?parseTime=true',
    {
      backend: 'mysql',
      protocol: 'tcp',
      host: 'host',
      port: 123,
      socket: null,
      database: 'database',
      user: 'user',
      password: 'password',
      ...MYSQL_DEFAULTS,
      params: { parseTime: 'true' },
      systemVariables: {},
      warnings: [],
    },
  ],
  [
    'mysql://user:password@tcp(host:123)/database?parseTime=true&writeTimeout=123s',
    {
      backend: 'mysql',
      host: 'host',
      port: 123,
      writeTimeoutMs: 123000,
      params: { parseTime: 'true', writeTimeout: '123s' },
      warnings: [],
    },
  ],
  [
    'cockroach://user:password@host:123/database',
    { backend: 'cockroach', host: 'host', port: 123, database: 'database', user: 'user', password: 'password', ssl: PG_SSL_DEFAULT },
  ],
  [
    'cockroach://user:password@host:123/database?sslmode=verify-full',
    { backend: 'cockroach', ssl: { ...PG_SSL_DEFAULT, mode: 'verify-full', modeDefaulted: false } },
  ],
  [
    'mysql://user:password@tcp(host:123)/database?sql_mode=TRADITIONAL',
    { backend: 'mysql', systemVariables: { sql_mode: 'TRADITIONAL' }, params: { sql_mode: 'TRADITIONAL' } },
  ],
];

export const GOOD_DSNS: [string, Expected][] = [
  ...SEED_EXAMPLES,
  // ---- PostgreSQL / CockroachDB
  [
    'postgresql://app@db.example.com/app',
    { backend: 'postgres', host: 'db.example.com', port: 5432, user: 'app', password: null, database: 'app' },
  ],
  ['postgres://db', { backend: 'postgres', host: 'db', port: 5432, user: 'osuser', password: null, database: null }],
  ['postgres://db:6543/', { host: 'db', port: 6543, database: null }],
  ['postgres://u:p@[::1]:5433/x', { host: '::1', port: 5433, user: 'u', password: 'p', database: 'x' }],
  ['postgres://u@[2001:db8::5]/x', { host: '2001:db8::5', port: 5432 }],
  [
    'postgres://u%40corp:p%2Fw%3Ad%40%23@h/d%20b',
    { user: 'u@corp', password: 'p/w:d@#', database: 'd b', redacted: 'postgres://u%40corp:***@h/d%20b' },
  ],
  ['postgres://u:p@ss@h/db', { user: 'u', password: 'p@ss', host: 'h' }],
  ['postgres://u:@h/db', { user: 'u', password: '' }],
  ['postgres://h/db?sslmode=disable', { ssl: { ...PG_SSL_DEFAULT, mode: 'disable', modeDefaulted: false } }],
  ['postgres://h/db?sslmode=allow', { ssl: { ...PG_SSL_DEFAULT, mode: 'allow', modeDefaulted: false } }],
  ['postgres://h/db?sslmode=prefer', { ssl: { ...PG_SSL_DEFAULT, mode: 'prefer', modeDefaulted: false } }],
  [
    'postgres://h/db?sslmode=verify-ca&sslrootcert=/etc/ca.pem&sslcert=/etc/c.pem&sslkey=/etc/k.pem',
    {
      ssl: { mode: 'verify-ca', modeDefaulted: false, cert: '/etc/c.pem', key: '/etc/k.pem', rootCert: '/etc/ca.pem' },
      serverSettings: {},
      warnings: [],
    },
  ],
  [
    'postgres://h/db?sslrootcert=%2Fetc%2Fca.pem',
    {
      ssl: { ...PG_SSL_DEFAULT, rootCert: '/etc/ca.pem' },
      warnings: [expect.stringContaining('sslmode=prefer never verifies the server certificate')],
    },
  ],
  [
    'postgres://h/db?sslmode=require&sslrootcert=%2Fetc%2Fca.pem',
    {
      ssl: { ...PG_SSL_DEFAULT, mode: 'require', modeDefaulted: false, rootCert: '/etc/ca.pem' },
      warnings: ['sslmode=require with sslrootcert verifies the server certificate chain, like verify-ca (libpq and pgx behaviour).'],
    },
  ],
  ['postgres://h/db?connect_timeout=10', { connectTimeoutMs: 10000, serverSettings: {} }],
  ['postgres://h/db?connect_timeout=0', { connectTimeoutMs: 0 }],
  [
    'postgres://h/db?application_name=kratos&fallback_application_name=ory',
    { applicationName: 'kratos', fallbackApplicationName: 'ory', serverSettings: {} },
  ],
  ['postgres://h/db?search_path=app,public', { searchPath: 'app,public', serverSettings: {} }],
  [
    'postgres://h/db?search_path=app&timezone=UTC&statement_timeout=5000',
    {
      searchPath: 'app',
      serverSettings: { timezone: 'UTC', statement_timeout: '5000' },
      params: { search_path: 'app', timezone: 'UTC', statement_timeout: '5000' },
    },
  ],
  ['postgres://h/db?application_name=my+app', { applicationName: 'my app' }],
  ['postgres://h/db?options=-c%20geqo%3Doff', { startupOptions: '-c geqo=off', serverSettings: {} }],
  ['postgres://h/db?host=other&port=6000&dbname=x&user=bob', { host: 'other', port: 6000, database: 'x', user: 'bob' }],
  ['postgres:///db?host=/var/run/postgresql', { host: '/var/run/postgresql', port: 5432, database: 'db', warnings: [] }],
  ['postgres:///db?host=::1&port=5433', { host: '::1', port: 5433 }],
  ['postgres:///db', { host: 'localhost', port: 5432, warnings: [] }],
  ['postgres://h/db?password=hunter2', { password: 'hunter2', params: { password: '***' }, redacted: 'postgres://h/db?password=***' }],
  [
    'postgres://h/db?max_conns=10&max_idle_conns=5&max_conn_lifetime=1h&max_conn_idle_time=30s',
    {
      pool: { maxConns: 10, maxIdleConns: 5, maxConnLifetimeMs: 3600000, maxConnIdleTimeMs: 30000 },
      params: {},
      serverSettings: {},
      poolParams: { max_conns: '10', max_idle_conns: '5', max_conn_lifetime: '1h', max_conn_idle_time: '30s' },
    },
  ],
  [
    'postgres://h/db?max_conns=2O',
    { pool: DEFAULT_POOL, warnings: ['max_conns: "2O" is not an integer; the default 4 applies (as in Ory, which logs a warning).'] },
  ],
  [
    'postgres://h/db?max_conn_lifetime=1m30s&max_conn_idle_time=0.5m',
    { pool: { ...DEFAULT_POOL, maxConnLifetimeMs: 90000, maxConnIdleTimeMs: 30000 } },
  ],
  [
    'postgres://h/db?max_conn_lifetime=10',
    { pool: DEFAULT_POOL, warnings: [expect.stringContaining('max_conn_lifetime: "10" is not a Go duration')] },
  ],
  [
    'postgres://h/db?max_conns=1',
    {
      pool: { ...DEFAULT_POOL, maxConns: 1, maxIdleConns: 1 },
      warnings: [expect.stringContaining('max_idle_conns 2 exceeds max_conns 1')],
    },
  ],
  [
    'cockroachdb://root@crdb/defaultdb?sslmode=disable',
    {
      backend: 'cockroach',
      host: 'crdb',
      port: 5432,
      user: 'root',
      database: 'defaultdb',
      warnings: [expect.stringContaining('CockroachDB listens on 26257')],
    },
  ],
  ['crdb://root@crdb:26000/defaultdb', { backend: 'cockroach', port: 26000 }],
  [
    'postgres://u@h1,h2:5433/db?target_session_attrs=read-write',
    {
      hosts: [
        { host: 'h1', port: 5433 },
        { host: 'h2', port: 5433 },
      ],
      targetSessionAttrs: 'read-write',
    },
  ],
  // ---- MySQL
  [
    'mysql://root@tcp(127.0.0.1:3306)/test',
    { backend: 'mysql', user: 'root', password: null, host: '127.0.0.1', port: 3306, database: 'test' },
  ],
  ['mysql://root:@tcp(localhost)/test', { user: 'root', password: '', host: 'localhost', port: 3306 }],
  ['mysql:///test', { user: null, host: '127.0.0.1', port: 3306, protocol: 'tcp', database: 'test' }],
  ['mysql://user@/', { user: 'user', host: '127.0.0.1', port: 3306, database: null }],
  ['mysql://u:p@tcp/db', { host: '127.0.0.1', port: 3306 }],
  [
    'mysql://u:p@unix(/var/run/mysqld/mysqld.sock)/db',
    { protocol: 'unix', socket: '/var/run/mysqld/mysqld.sock', host: null, port: null, database: 'db' },
  ],
  ['mysql://u:p@unix/db', { protocol: 'unix', socket: '/tmp/mysql.sock' }],
  ['mysql://u:p@tcp([::1]:3307)/db', { host: '::1', port: 3307 }],
  ['mysql://u:p@tcp([fe80::1])/db', { host: 'fe80::1', port: 3306 }],
  ['mysql://u:p@tcp(::1)/db', { host: '::1', port: 3306 }],
  ['mysql://u:p:a@ss/w@rd@tcp(h:1)/db', { user: 'u', password: 'p:a@ss/w@rd', host: 'h', port: 1, redacted: 'mysql://u:***@tcp(h:1)/db' }],
  ['mysql://u:p%41ss@tcp(h)/db', { password: 'p%41ss' }],
  ['mysql://u:p@tcp(h)/my%2Fdb', { database: 'my/db' }],
  [
    'mysql://u:p@tcp(h)/db?time_zone=%27Europe%2FParis%27',
    { systemVariables: { time_zone: "'Europe/Paris'" }, params: { time_zone: "'Europe/Paris'" } },
  ],
  ['mysql://u:p@tcp(h)/db?sql_mode=TRADITIONAL&autocommit=1', { systemVariables: { sql_mode: 'TRADITIONAL', autocommit: '1' } }],
  ['mysql://u:p@tcp(h)/db?loc=US%2FPacific', { loc: 'US/Pacific' }],
  ['mysql://u:p@tcp(h)/db?loc=Local', { loc: 'Local' }],
  ['mysql://u:p@tcp(h)/db?collation=utf8mb4_unicode_ci&charset=utf8mb4', { collation: 'utf8mb4_unicode_ci', charsets: ['utf8mb4'] }],
  ['mysql://u:p@tcp(h)/db?maxAllowedPacket=0', { maxAllowedPacket: 0 }],
  ['mysql://u:p@tcp(h)/db?maxAllowedPacket=67108864', { maxAllowedPacket: 67108864 }],
  [
    'mysql://u:p@tcp(h)/db?timeout=1m30s&readTimeout=0.5m&writeTimeout=300ms',
    { timeoutMs: 90000, readTimeoutMs: 30000, writeTimeoutMs: 300 },
  ],
  ['mysql://u:p@tcp(h)/db?tls=true', { tls: 'true' }],
  ['mysql://u:p@tcp(h)/db?tls=skip-verify', { tls: 'skip-verify' }],
  ['mysql://u:p@tcp(h)/db?tls=preferred', { tls: 'preferred' }],
  ['mysql://u:p@tcp(h)/db?tls=Skip-Verify', { tls: 'skip-verify' }],
  ['mysql://u:p@tcp(h)/db?tls=False', { tls: 'false' }],
  [
    'mysql://u:p@tcp(h)/db?parseTime=false&multiStatements=0&clientFoundRows=FALSE',
    {
      parseTime: true,
      multiStatements: true,
      clientFoundRows: true,
      warnings: [
        expect.stringContaining('parseTime=false is overwritten'),
        expect.stringContaining('multiStatements=0 is overwritten'),
        expect.stringContaining('clientFoundRows=FALSE is overwritten'),
      ],
    },
  ],
  [
    'mysql://u:p@tcp(h)/db?interpolateParams=true&allowNativePasswords=1',
    { driverFlags: { interpolateParams: 'true', allowNativePasswords: '1' }, systemVariables: {} },
  ],
  [
    'mysql://u:p@tcp(h)/db?max_conns=20&max_idle_conns=4&max_conn_lifetime=5m',
    { pool: { maxConns: 20, maxIdleConns: 4, maxConnLifetimeMs: 300000, maxConnIdleTimeMs: 0 }, systemVariables: {}, params: {} },
  ],
  [
    'mysql://u:p@localhost:3306/db',
    { urlStyle: true, host: 'localhost', port: 3306, user: 'u', password: 'p', warnings: [expect.stringContaining('tcp(localhost:3306)')] },
  ],
  ['mysql://u:p%40ss@db.internal/app', { urlStyle: true, host: 'db.internal', port: 3306, password: 'p@ss' }],
  // ---- SQLite
  ['sqlite://./a.db', { backend: 'sqlite', path: './a.db', pragmas: [BUSY, FK_ON, SYNC], warnings: [] }],
  ['sqlite3:///var/lib/kratos/db.sqlite?_fk=1', { backend: 'sqlite', path: '/var/lib/kratos/db.sqlite', pragmas: [BUSY, FK_ON, SYNC] }],
  [
    'sqlite://file::memory:?_fk=true&cache=shared',
    { path: ':memory:', inMemory: true, cache: 'shared', pragmas: [BUSY, FK_ON], warnings: [] },
  ],
  ['sqlite://:memory:?_fk=true', { path: ':memory:', inMemory: true }],
  ['sqlite://file:/tmp/x.db?mode=ro&_fk=true&immutable=1', { path: '/tmp/x.db', mode: 'ro', immutable: true, inMemory: false }],
  ['sqlite://file:///tmp/my%20db.sqlite?_fk=true', { path: '/tmp/my db.sqlite' }],
  ['sqlite://file:shared?mode=memory&cache=shared&_fk=on', { inMemory: true, path: ':memory:', mode: 'memory', cache: 'shared' }],
  [
    'sqlite:///tmp/a.db?_fk=true&_journal_mode=wal&_busy_timeout=10000&_sync=1',
    { pragmas: [{ name: 'busy_timeout', value: '10000' }, FK_ON, { name: 'journal_mode', value: 'WAL' }, SYNC] },
  ],
  [
    'sqlite:///tmp/a.db?_foreign_keys=false&_fk=true',
    { pragmas: [BUSY, FK_ON, SYNC], warnings: [expect.stringContaining('uses _fk; newer Ory')] },
  ],
  [
    'sqlite:///tmp/a.db?_fk=true&_pragma=foreign_keys(0)',
    { pragmas: [BUSY, FK_ON, SYNC], warnings: [expect.stringContaining('_pragma=foreign_keys(0) is ignored')] },
  ],
  [
    'sqlite:///tmp/a.db?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(2000)',
    { pragmas: [BUSY, FK_ON, SYNC], params: { _pragma: 'foreign_keys(1), journal_mode(WAL), busy_timeout(2000)' } },
  ],
  ['sqlite:///tmp/a.db?_fk=yes&_txlock=immediate', { txlock: 'immediate' }],
  [
    'sqlite:///tmp/a.db?_fk=ON&_vacuum=incremental&_locking=exclusive&_secure_delete=fast&_cache_size=-4000&_cslike=0',
    {
      pragmas: [
        BUSY,
        { name: 'auto_vacuum', value: 'INCREMENTAL' },
        { name: 'case_sensitive_like', value: '0' },
        FK_ON,
        { name: 'locking_mode', value: 'EXCLUSIVE' },
        { name: 'secure_delete', value: 'FAST' },
        SYNC,
        { name: 'cache_size', value: '-4000' },
      ],
    },
  ],
  ['sqlite:///tmp/a.db?_fk=true&max_conns=1', { pool: { ...DEFAULT_POOL, maxConns: 1, maxIdleConns: 1 }, params: { _fk: 'true' } }],
];
