// ${NAME} references in a saved DSN, expanded only when connecting so no password has to be
// stored. In the user:password part of a URL the value is percent-encoded, so a password holding
// `@` or `/` still parses.
import { ProfileError } from './profile-error.js';

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
// URL DSNs whose user info is percent-decoded by the parser (the Go MySQL form is not).
const URL_USERINFO = /^(postgres|postgresql|cockroach|cockroachdb|crdb):\/\//i;

export function envReferences(dsn: string): string[] {
  return [...dsn.matchAll(REFERENCE)].map((match) => match[1]!);
}

export function expandEnv(dsn: string, env: NodeJS.ProcessEnv, profileName: string): string {
  const userinfoEnd = userinfoEndOffset(dsn);
  return dsn.replace(REFERENCE, (_whole, name: string, offset: number) => {
    const value = env[name];
    if (value === undefined) {
      throw new ProfileError(
        'missing_env',
        `profile "${profileName}" refers to \${${name}}, which is not set in the environment`,
        `set ${name} (e.g. export ${name}=...) or update the profile with \`dsnsh profile add ${profileName} DSN --replace\``,
      );
    }
    return offset < userinfoEnd ? encodeURIComponent(value) : value;
  });
}

function userinfoEndOffset(dsn: string): number {
  const scheme = URL_USERINFO.exec(dsn);
  if (!scheme) return -1;
  const authorityStart = scheme[0].length;
  const slash = dsn.indexOf('/', authorityStart);
  const authorityEnd = slash === -1 ? dsn.length : slash;
  return dsn.lastIndexOf('@', authorityEnd);
}
