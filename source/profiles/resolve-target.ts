// Which database a command talks to. First match wins: a positional DSN or profile name, --dsn,
// --pid (the DSN a running service uses), the DSN environment variable (as inside an Ory
// service's pod; with --config it beats the file's dsn key, as in Ory), --config FILE, the
// default profile, `memory`.
import { dsnEnvironmentOf } from '../discovery/dsn-environment-of.js';
import { DiscoveryError } from '../discovery/discovery-error.js';
import type { DiscoveredTarget } from '../discovery/process-target.js';
import { parseDsn, redactDsn } from '../dsn/parse-dsn.js';
import { expandEnv } from './expand-env.js';
import { ProfileError } from './profile-error.js';
import { MEMORY_PROFILE, isBuiltinProfile, type Profile } from './profile.js';
import type { ProfileStore } from './profile-store.js';
import type { ProfileSettings, ResolvedTarget, TargetSource } from './target.js';

export interface TargetRequest {
  positional?: string | undefined;
  dsnOption?: string | undefined;
  /** --pid: the process whose DSN to use */
  pid?: string | undefined;
  /** --config: Ory config files on this machine, in order */
  configFiles?: string[] | undefined;
  env: NodeJS.ProcessEnv;
  /** Opened only when a profile is actually needed, so a corrupt file does not block DSNs */
  store: () => ProfileStore;
}

/** `scheme://…` (or exactly `memory`, handled as the built-in profile) is a DSN; anything else a profile name. */
export function looksLikeDsn(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text);
}

export async function resolveTarget(request: TargetRequest): Promise<ResolvedTarget> {
  const { positional, dsnOption, env } = request;
  checkOneSource(request);
  if (positional !== undefined && positional !== '') {
    if (looksLikeDsn(positional)) return fromDsn(positional, 'positional');
    return fromProfile(await request.store().get(positional), 'positional', env);
  }
  if (dsnOption !== undefined && dsnOption !== '') return fromDsn(dsnOption, 'option');
  // Loaded only when asked for: the YAML/TOML readers stay off every other start-up.
  if (request.pid !== undefined) {
    const { dsnFromProcess } = await import('../discovery/process-target.js');
    return fromDiscovered(dsnFromProcess(request.pid), 'pid');
  }
  if (request.configFiles !== undefined && request.configFiles.length > 0) {
    const { dsnFromConfigFiles } = await import('../discovery/process-target.js');
    const found = dsnFromConfigFiles(request.configFiles, env);
    return fromDiscovered(found, found.origin.startsWith('dsn key') ? 'config' : 'env');
  }
  if (env.DSN !== undefined && env.DSN !== '') return fromDsn(env.DSN, 'env');
  if (!hasProfileFile(request)) return fromProfile(MEMORY_PROFILE, 'memory', env);
  const store = request.store();
  const name = await store.defaultProfile();
  if (name === null) return fromProfile(MEMORY_PROFILE, 'memory', env);
  const profile = await store.get(name).catch((error: unknown) => {
    if (error instanceof ProfileError && error.code === 'not_found') {
      throw new ProfileError(
        'not_found',
        `the default profile "${name}" does not exist`,
        'choose another with `dsnsh profile default NAME`, or clear it with `dsnsh profile default --clear`',
      );
    }
    throw error;
  });
  return fromProfile(profile, 'default-profile', env);
}

/** --pid and --config name the target themselves: with a DSN or profile, or each other, the choice is unclear. */
function checkOneSource(request: TargetRequest): void {
  const given = [
    request.positional ? 'a DSN or profile' : null,
    request.dsnOption ? '--dsn' : null,
    request.pid !== undefined ? '--pid' : null,
    request.configFiles && request.configFiles.length > 0 ? '--config' : null,
  ].filter((name): name is string => name !== null);
  const discovery = given.filter((name) => name === '--pid' || name === '--config');
  if (discovery.length > 0 && given.length > 1) {
    throw new DiscoveryError(
      'conflict',
      `${given.join(' and ')} both name the target`,
      discovery.includes('--pid') && discovery.includes('--config')
        ? '--pid reads the config files the process was started with; use --config only for a file on this machine'
        : 'give only one of them',
    );
  }
}

function fromDiscovered(found: DiscoveredTarget, source: TargetSource): ResolvedTarget {
  return {
    dsn: found.dsn,
    redacted: redactDsn(found.dsn),
    profileName: null,
    source,
    settings: {},
    origin: found.origin,
    label: found.label,
    notes: found.notes,
    ...(found.environment ? { environment: found.environment } : {}),
  };
}

function hasProfileFile(request: TargetRequest): boolean {
  return request.store().exists();
}

function fromDsn(dsn: string, source: TargetSource): ResolvedTarget {
  // A DSN given directly is used as is (no ${ENV} expansion): it came from the user or the pod.
  return { dsn, redacted: redactDsn(dsn), profileName: null, source, settings: {} };
}

function fromProfile(profile: Profile, source: TargetSource, env: NodeJS.ProcessEnv): ResolvedTarget {
  const dsn = isBuiltinProfile(profile.name) ? profile.dsn : expandEnv(profile.dsn, env, profile.name);
  const { name, dsn: _raw, ...settings } = profile;
  return { dsn, redacted: redactDsn(dsn), profileName: name, source, settings: settings satisfies ProfileSettings };
}

type ParsedTarget = ReturnType<typeof parseDsn>;

/** Each resolved target is parsed once: its answer (or its DsnError) is kept with it. */
const parsedTargets = new WeakMap<ResolvedTarget, { parsed: ParsedTarget } | { error: unknown }>();

/**
 * The one way a resolved target's DSN is parsed (callers report a DsnError before connecting). A
 * DSN taken from a running service (--pid) is read in that service's environment: its PG*
 * variables, its user, its files (pgpass, service file) through its root, as pgx reads them there.
 * The answer is frozen and shared by every caller of the same target (header, connection, panels,
 * reports); a new target (a switch, a reconnect through the switcher) is parsed anew, so a fixed
 * pgpass file is read again then.
 */
export function parseTarget(target: ResolvedTarget): ParsedTarget {
  let known = parsedTargets.get(target);
  if (known === undefined) {
    try {
      known = {
        parsed: Object.freeze(parseDsn(target.dsn, target.environment ? { environment: dsnEnvironmentOf(target.environment) } : {})),
      };
    } catch (error) {
      known = { error };
    }
    parsedTargets.set(target, known);
  }
  if ('error' in known) throw known.error;
  return known.parsed;
}
