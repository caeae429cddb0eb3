// Which database a command talks to. First match wins: a positional DSN or profile name, --dsn,
// the DSN environment variable (as inside an Ory service's pod), the default profile, `memory`.
import { parseDsn, redactDsn } from '../dsn/parse-dsn.js';
import { expandEnv } from './expand-env.js';
import { ProfileError } from './profile-error.js';
import { MEMORY_PROFILE, isBuiltinProfile, type Profile } from './profile.js';
import type { ProfileStore } from './profile-store.js';
import type { ProfileSettings, ResolvedTarget, TargetSource } from './target.js';

export interface TargetRequest {
  positional?: string | undefined;
  dsnOption?: string | undefined;
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
  if (positional !== undefined && positional !== '') {
    if (looksLikeDsn(positional)) return fromDsn(positional, 'positional');
    return fromProfile(await request.store().get(positional), 'positional', env);
  }
  if (dsnOption !== undefined && dsnOption !== '') return fromDsn(dsnOption, 'option');
  if (env.DSN !== undefined && env.DSN !== '') return fromDsn(env.DSN, 'env');
  if (!hasProfileFile(request)) return fromProfile(MEMORY_PROFILE, 'memory', env);
  const store = request.store();
  const name = await store.defaultProfile();
  if (name === null) return fromProfile(MEMORY_PROFILE, 'memory', env);
  const profile = await store.get(name).catch((error: unknown) => {
    if (error instanceof ProfileError && error.code === 'not_found') {
      throw new ProfileError('not_found', `the default profile "${name}" does not exist`, 'choose another with `dsnsh profile default NAME`, or clear it with `dsnsh profile default --clear`');
    }
    throw error;
  });
  return fromProfile(profile, 'default-profile', env);
}

function hasProfileFile(request: TargetRequest): boolean {
  return request.store().exists();
}

function fromDsn(dsn: string, source: TargetSource): ResolvedTarget {
  // A DSN given directly is used as is (no ${ENV} expansion): it came from the user or the pod.
  return { dsn, redacted: safeRedact(dsn), profileName: null, source, settings: {} };
}

function fromProfile(profile: Profile, source: TargetSource, env: NodeJS.ProcessEnv): ResolvedTarget {
  const dsn = isBuiltinProfile(profile.name) ? profile.dsn : expandEnv(profile.dsn, env, profile.name);
  const { name, dsn: _raw, ...settings } = profile;
  return { dsn, redacted: safeRedact(dsn), profileName: name, source, settings: settings satisfies ProfileSettings };
}

/** Redaction must never fail on a DSN that does not parse (the parse error comes later, clearly). */
function safeRedact(dsn: string): string {
  try {
    return redactDsn(dsn);
  } catch {
    return '(unparseable DSN)';
  }
}

/** Parsing here lets callers report a DsnError before connecting. */
export function parseTarget(target: ResolvedTarget): ReturnType<typeof parseDsn> {
  return parseDsn(target.dsn);
}
