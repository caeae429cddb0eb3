// pgx's ParseConfig merge, with the source of every value kept for `dsn explain`: its defaults
// (the OS user, a Unix socket directory, files under the home directory), then the libpq
// environment variables, then a pg_service.conf section when `service` is set, then the DSN.
import { join } from 'node:path';
import type { DsnEnvironment } from './dsn-environment.js';
import { DsnError } from './errors.js';
import { parseServiceFile } from './pg-service-file.js';

export interface Setting {
  value: string;
  /** `dsn`, `default`, `environment PGHOST`, `service file /path [name]` */
  source: string;
  /** offset in the DSN, for settings written there */
  position?: number;
}

export type Settings = Map<string, Setting>;

/** pgx parseEnvSettings: variables that are set and non-empty. */
const ENV_NAMES: Readonly<Record<string, string>> = {
  PGHOST: 'host',
  PGPORT: 'port',
  PGDATABASE: 'database',
  PGUSER: 'user',
  PGPASSWORD: 'password',
  PGPASSFILE: 'passfile',
  PGAPPNAME: 'application_name',
  PGCONNECT_TIMEOUT: 'connect_timeout',
  PGSSLMODE: 'sslmode',
  PGSSLKEY: 'sslkey',
  PGSSLCERT: 'sslcert',
  PGSSLSNI: 'sslsni',
  PGSSLROOTCERT: 'sslrootcert',
  PGSSLPASSWORD: 'sslpassword',
  PGSSLNEGOTIATION: 'sslnegotiation',
  PGTARGETSESSIONATTRS: 'target_session_attrs',
  PGSERVICE: 'service',
  PGSERVICEFILE: 'servicefile',
  PGTZ: 'timezone',
  PGOPTIONS: 'options',
};

/** pgx defaultHost: the first Unix socket directory that exists, else localhost. */
const SOCKET_DIRECTORIES = ['/var/run/postgresql', '/private/tmp', '/tmp'];

export function defaultSettings(environment: DsnEnvironment): Settings {
  const settings: Settings = new Map();
  const host = SOCKET_DIRECTORIES.find((path) => environment.exists(path)) ?? 'localhost';
  settings.set('host', {
    value: host,
    source: host === 'localhost' ? 'default' : 'default (the first Unix socket directory that exists, as pgx chooses it)',
  });
  settings.set('port', { value: '5432', source: 'default' });
  const home = environment.homeDir;
  if (environment.osUser !== null) settings.set('user', { value: environment.osUser, source: 'default (the OS user)' });
  if (home !== null) {
    settings.set('passfile', { value: join(home, '.pgpass'), source: 'default' });
    settings.set('servicefile', { value: join(home, '.pg_service.conf'), source: 'default' });
    const cert = join(home, '.postgresql', 'postgresql.crt');
    const key = join(home, '.postgresql', 'postgresql.key');
    if (environment.exists(cert) && environment.exists(key)) {
      settings.set('sslcert', { value: cert, source: 'default (found in ~/.postgresql)' });
      settings.set('sslkey', { value: key, source: 'default (found in ~/.postgresql)' });
    }
    const root = join(home, '.postgresql', 'root.crt');
    if (environment.exists(root)) settings.set('sslrootcert', { value: root, source: 'default (found in ~/.postgresql)' });
  }
  settings.set('target_session_attrs', { value: 'any', source: 'default' });
  return settings;
}

export function environmentSettings(environment: DsnEnvironment): Settings {
  const settings: Settings = new Map();
  for (const [variable, key] of Object.entries(ENV_NAMES)) {
    const value = environment.env[variable];
    if (value !== undefined && value !== '') settings.set(key, { value, source: `environment ${variable}` });
  }
  return settings;
}

/** The `service` section, read from the servicefile in force (pgx fails when either is missing). */
export function serviceSettings(merged: Settings, environment: DsnEnvironment): Settings {
  const service = merged.get('service')!;
  const file = merged.get('servicefile')?.value ?? '';
  const text = file === '' ? null : environment.readFile(file);
  const where = `service=${service.value} (from ${service.source})`;
  if (text === null) {
    throw new DsnError(
      'bad_value',
      `${where} needs the service file ${file || '(none)'}, which cannot be read: the service's driver (pgx) refuses the DSN.`,
      'Create the file, point servicefile= or PGSERVICEFILE at it, or remove service= / PGSERVICE.',
      'service',
      service.position ?? null,
    );
  }
  const parsed = parseServiceFile(text);
  if ('error' in parsed) {
    throw new DsnError(
      'bad_value',
      `The service file ${file} cannot be read: ${parsed.error}.`,
      'Fix the file: [name] sections of key=value lines.',
      'servicefile',
      null,
    );
  }
  const section = parsed.get(service.value);
  if (!section) {
    throw new DsnError(
      'bad_value',
      `${where}: the service file ${file} has no [${service.value}] section.`,
      `Add a [${service.value}] section, or name one of: ${[...parsed.keys()].join(', ') || '(none)'}.`,
      'service',
      service.position ?? null,
    );
  }
  const settings: Settings = new Map();
  for (const [key, value] of section)
    settings.set(key === 'dbname' ? 'database' : key, { value, source: `service file ${file} [${service.value}]` });
  return settings;
}

export function mergeSettings(...layers: Settings[]): Settings {
  const merged: Settings = new Map();
  for (const layer of layers) for (const [key, setting] of layer) merged.set(key, setting);
  return merged;
}
