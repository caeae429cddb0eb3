// The Go MySQL driver's own parameters, with how each value is read. Anything not listed here is
// a session system variable (`SET name = value` after connecting).
export type MysqlParamKind = 'bool' | 'duration' | 'int' | 'string' | 'tls' | 'loc' | 'charset' | 'pubkey' | 'removed';

export const MYSQL_DRIVER_PARAMS: Readonly<Record<string, MysqlParamKind>> = {
  allowAllFiles: 'bool',
  allowCleartextPasswords: 'bool',
  allowFallbackToPlaintext: 'bool',
  allowNativePasswords: 'bool',
  allowOldPasswords: 'bool',
  charset: 'charset',
  checkConnLiveness: 'bool',
  clientFoundRows: 'bool',
  collation: 'string',
  columnsWithAlias: 'bool',
  compress: 'bool',
  connectionAttributes: 'string',
  interpolateParams: 'bool',
  loc: 'loc',
  maxAllowedPacket: 'int',
  multiStatements: 'bool',
  parseTime: 'bool',
  readTimeout: 'duration',
  rejectReadOnly: 'bool',
  serverPubKey: 'pubkey',
  strict: 'removed',
  timeout: 'duration',
  timeTruncate: 'duration',
  tls: 'tls',
  writeTimeout: 'duration',
};

/** Ory sets these to true whatever the DSN says. */
export const ORY_FORCED_MYSQL_FLAGS = ['parseTime', 'multiStatements', 'clientFoundRows'] as const;

export const MYSQL_DEFAULTS = {
  collation: 'utf8mb4_general_ci',
  loc: 'UTC',
  /** go-sql-driver/mysql v1.9 (const.go defaultMaxAllowedPacket); the seed's 4 MiB is the old driver's. */
  maxAllowedPacket: 64 * 1024 * 1024,
  host: '127.0.0.1',
  port: 3306,
  socket: '/tmp/mysql.sock',
} as const;

/** Multi-byte character sets where client-side escaping is unsafe; the Go driver refuses them with interpolateParams. */
export const UNSAFE_INTERPOLATION_COLLATIONS: ReadonlySet<string> = new Set([
  'big5_chinese_ci',
  'sjis_japanese_ci',
  'gbk_chinese_ci',
  'big5_bin',
  'gb2312_bin',
  'gbk_bin',
  'sjis_bin',
  'cp932_japanese_ci',
  'cp932_bin',
  'gb18030_chinese_ci',
  'gb18030_bin',
  'gb18030_unicode_520_ci',
]);
