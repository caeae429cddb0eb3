// pgx's ParseConfig after the merge: hosts and ports (a port per host, or the first for all),
// the password from a passfile when none is given, connect_timeout, sslmode (default prefer;
// sslrootcert=system forces verify-full), the client certificate pair, target_session_attrs, and
// every remaining key as a server setting sent at connection start.
import type { DsnEnvironment } from './dsn-environment.js';
import { DsnError } from './errors.js';
import { CONNECTION_OPTIONS, PGX_CONSUMED_OPTIONS, UNAPPLIED_OPTIONS } from './postgres-params.js';
import { findPassword, parsePassfile } from './pgpass.js';
import type { Setting, Settings } from './pg-settings.js';
import { isPgSocket } from './pg-socket.js';
import { COCKROACH_PORT } from './schemes.js';
import type { PgHost, PgSslMode, PgTargetSessionAttrs, PostgresDsn } from './types.js';

const SSL_MODES: readonly PgSslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];
const TARGET_SESSION_ATTRS: readonly PgTargetSessionAttrs[] = ['any', 'read-write', 'read-only', 'primary', 'standby', 'prefer-standby'];

export type InterpretedPg = Omit<PostgresDsn, 'backend' | 'redacted' | 'pool' | 'poolParams' | 'params' | 'warnings'>;

interface Context {
  backend: 'postgres' | 'cockroach';
  environment: DsnEnvironment;
  warnings: string[];
}

/** A setting's origin for messages: "port=abc (from environment PGPORT)". */
function from(key: string, setting: Setting): string {
  return setting.source === 'dsn' ? key : `${key} (from ${setting.source})`;
}

export function interpretPgSettings(settings: Settings, context: Context): InterpretedPg {
  const sources: Record<string, string> = {};
  const get = (key: string): Setting | undefined => {
    const setting = settings.get(key);
    if (setting) sources[key] = setting.source;
    return setting;
  };
  const hosts = readHosts(get('host')!, get('port')!);
  if (context.backend === 'cockroach' && settings.get('port')!.source === 'default') {
    context.warnings.push(
      `No port is given: the service connects to ${hosts[0]!.port} (pop rewrites cockroach:// to postgres://, whose default port is 5432), but CockroachDB listens on ${COCKROACH_PORT}; write :${COCKROACH_PORT} if that is where it runs.`,
    );
  }
  const user = get('user')?.value ?? null;
  if (user === '') {
    throw new DsnError(
      'bad_value',
      "The user name is empty: the service's driver (pgx) sends an empty user name, which PostgreSQL refuses.",
      'Write the user before ":" (postgres://user:password@host/db), or leave the credentials out to use the OS user.',
      'user',
      settings.get('user')!.position ?? null,
    );
  }
  const databaseText = get('database')?.value ?? '';
  const database = databaseText === '' ? null : databaseText;
  const { password, passwordFrom } = readPassword(settings, hosts[0]!, database, user ?? '', context.environment);
  if (passwordFrom !== null) sources.password = passwordFrom;
  if (passwordFrom?.startsWith('passfile ')) get('passfile');
  if (settings.has('service')) {
    get('service');
    get('servicefile');
  }

  const ssl = readSsl(settings, get, hosts, context.warnings);
  if (ssl.modeDefaulted)
    sources.sslmode = "default (pgx's prefer: TLS when the server offers it, else plaintext; Ory's documentation says require)";
  else if (ssl.mode === 'verify-full' && ssl.rootCert === 'system')
    sources.sslmode = `${sources.sslmode ?? 'default'}, forced to verify-full by sslrootcert=system`;
  const targetSessionAttrs = readTargetSessionAttrs(get('target_session_attrs')!);
  const connectTimeout = get('connect_timeout');
  const result: InterpretedPg = {
    sources,
    host: hosts[0]!.host,
    port: hosts[0]!.port,
    hosts,
    targetSessionAttrs,
    database,
    user,
    password,
    passwordFrom,
    ssl,
    connectTimeoutMs: connectTimeout ? readConnectTimeout(connectTimeout) : 0,
    applicationName: get('application_name')?.value ?? null,
    fallbackApplicationName: get('fallback_application_name')?.value ?? null,
    searchPath: get('search_path')?.value ?? null,
    serverSettings: {},
    startupOptions: get('options')?.value ?? null,
  };
  for (const [key, setting] of settings) {
    if (!CONNECTION_OPTIONS.has(key) && !PGX_CONSUMED_OPTIONS.has(key)) {
      result.serverSettings[key] = setting.value;
      sources[key] = setting.source;
    } else if (UNAPPLIED_OPTIONS.has(key) && setting.source !== 'default') {
      context.warnings.push(`${from(key, setting)}: understood by the service's driver (pgx) but not applied by dsnsh.`);
    }
  }
  return result;
}

function readHosts(host: Setting, port: Setting): PgHost[] {
  const hosts = host.value.split(',');
  const ports = port.value.split(',');
  return hosts.map((name, index) => ({
    // An empty host dials ":port", the local machine.
    host: name === '' ? 'localhost' : name,
    port: readPort(ports[index] ?? ports[0]!, port),
  }));
}

/** strconv.ParseUint(s, 10, 16), then 1..65535. */
function readPort(text: string, setting: Setting): number {
  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw new DsnError(
      'bad_port',
      `The port "${text}" is not a number from 1 to 65535${setting.source === 'dsn' ? '' : ` (from ${setting.source})`}.`,
      'Write the port as digits, e.g. :5432.',
      'port',
      setting.position ?? null,
    );
  }
  return port;
}

function readPassword(
  settings: Settings,
  first: PgHost,
  database: string | null,
  user: string,
  environment: DsnEnvironment,
): { password: string | null; passwordFrom: string | null } {
  const given = settings.get('password');
  if (given && given.value !== '') return { password: given.value, passwordFrom: given.source };
  const passfile = settings.get('passfile')?.value ?? '';
  const text = passfile === '' ? null : environment.readFile(passfile);
  if (text !== null) {
    const found = findPassword(parsePassfile(text), {
      host: first.host.startsWith('/') ? 'localhost' : first.host,
      port: String(first.port),
      database: database ?? '',
      user,
    });
    if (found !== null && found !== '') return { password: found, passwordFrom: `passfile ${passfile}` };
  }
  return given ? { password: '', passwordFrom: given.source } : { password: null, passwordFrom: null };
}

function readSsl(settings: Settings, get: (key: string) => Setting | undefined, hosts: PgHost[], warnings: string[]): PostgresDsn['ssl'] {
  const modeSetting = get('sslmode');
  const written = modeSetting?.value ?? '';
  if (written !== '' && !(SSL_MODES as readonly string[]).includes(written)) {
    throw new DsnError(
      'bad_value',
      `sslmode "${written}" is not a valid mode${modeSetting!.source === 'dsn' ? '' : ` (from ${modeSetting!.source})`}.`,
      `Use one of ${SSL_MODES.join(', ')} (the default is prefer).`,
      'sslmode',
      modeSetting!.position ?? null,
    );
  }
  let mode = (written === '' ? 'prefer' : written) as PgSslMode;
  const modeDefaulted = written === '';
  const rootCert = nonEmpty(get('sslrootcert'));
  const cert = nonEmpty(get('sslcert'));
  const key = nonEmpty(get('sslkey'));
  if (rootCert === 'system' && mode !== 'verify-full') {
    warnings.push(
      `sslrootcert=system makes the service's driver (pgx) verify the server with the system's trusted roots and its host name (verify-full), whatever sslmode=${mode} says.`,
    );
    mode = 'verify-full';
  }
  const usesTls = mode !== 'disable' && hosts.some((host) => !isPgSocket(host.host));
  if (usesTls && (cert === null) !== (key === null)) {
    const [present, missing] = cert === null ? ['sslkey', 'sslcert'] : ['sslcert', 'sslkey'];
    throw new DsnError(
      'bad_value',
      `${present} is given without ${missing}: the service's driver (pgx) requires both ("both sslcert and sslkey are required").`,
      `Add ${missing}=/path/to/file.pem, or remove ${present}.`,
      present,
      settings.get(present)?.position ?? null,
    );
  }
  if (mode === 'require' && rootCert !== null) {
    warnings.push('sslmode=require with sslrootcert verifies the server certificate chain, like verify-ca (libpq and pgx behaviour).');
  }
  if (
    (mode === 'prefer' || mode === 'allow') &&
    rootCert !== null &&
    settings.get('sslrootcert')!.source !== 'default (found in ~/.postgresql)'
  ) {
    warnings.push(
      `sslmode=${mode} never verifies the server certificate in the service's driver (pgx), so sslrootcert is not used; use verify-ca or verify-full to verify.`,
    );
  }
  if (
    mode === 'disable' &&
    (cert !== null || key !== null || rootCert !== null) &&
    [cert, key, rootCert].some(
      (value, index) => value !== null && settings.get(['sslcert', 'sslkey', 'sslrootcert'][index]!)?.source === 'dsn',
    )
  ) {
    warnings.push('sslmode=disable: the sslcert, sslkey and sslrootcert files are not used.');
  }
  return { mode, modeDefaulted, cert, key, rootCert };
}

function nonEmpty(setting: Setting | undefined): string | null {
  return setting === undefined || setting.value === '' ? null : setting.value;
}

function readTargetSessionAttrs(setting: Setting): PgTargetSessionAttrs {
  if ((TARGET_SESSION_ATTRS as readonly string[]).includes(setting.value)) return setting.value as PgTargetSessionAttrs;
  throw new DsnError(
    'bad_value',
    `target_session_attrs "${setting.value}" is not a value the service's driver knows${setting.source === 'dsn' ? '' : ` (from ${setting.source})`}.`,
    `Use one of ${TARGET_SESSION_ATTRS.join(', ')}.`,
    'target_session_attrs',
    setting.position ?? null,
  );
}

/** strconv.ParseInt(s, 10, 64) seconds, not negative; beyond Node's timer range means "forever". */
function readConnectTimeout(setting: Setting): number {
  const { value } = setting;
  if (!/^[+-]?\d+$/.test(value) || (value.startsWith('-') && Number(value) !== 0)) {
    throw new DsnError(
      'bad_value',
      `connect_timeout "${value}" is not a whole number of seconds${setting.source === 'dsn' ? '' : ` (from ${setting.source})`}.`,
      'Give seconds as digits, e.g. connect_timeout=10 (0 = wait indefinitely).',
      'connect_timeout',
      setting.position ?? null,
    );
  }
  const seconds = Number(value);
  return Math.min(seconds * 1000, 2_147_483_647);
}
