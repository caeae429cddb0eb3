// The last line of defence for secrets in DSN errors: any quoted text in a message or hint that
// could come from the credentials (everything between `://` and the last `@` of the DSN, the
// widest place a user name or password can be) is replaced. A misplaced `?`, `#` or `/` makes a
// parser read part of a password as a host or port; the error then says what is wrong without it.
import { DsnError } from './errors.js';

const HIDDEN = '(hidden: it may be part of the credentials)';

export function credentialRegion(dsn: string): string {
  const start = dsn.indexOf('://');
  const at = dsn.lastIndexOf('@');
  const from = start === -1 ? 0 : start + 3;
  return at > from ? dsn.slice(from, at) : '';
}

export function scrubCredentialText(text: string, region: string): string {
  if (region === '') return text;
  return text.replace(/"([^"]*)"/g, (quoted, inner: string) => (couldReveal(inner) && overlaps(inner, region) ? HIDDEN : quoted));
}

/**
 * The quoted text holds the whole region, lies inside it, or shares a run of 4 characters with it:
 * a misplaced `?` can cut a password in two, and the quoted part then holds only one of them.
 */
function overlaps(inner: string, region: string): boolean {
  if (region.includes(inner) || inner.includes(region)) return true;
  for (let i = 0; i + SHARED_RUN <= region.length; i += 1) {
    if (inner.includes(region.slice(i, i + SHARED_RUN))) return true;
  }
  return false;
}

const SHARED_RUN = 4;

/** Quoted punctuation ("?", "@", "/") explains a rule; it reveals nothing of a password. */
function couldReveal(inner: string): boolean {
  return inner.length >= 4 || /[\p{L}\p{N}]/u.test(inner);
}

export function withoutCredentialText(error: DsnError, dsn: string): DsnError {
  const region = credentialRegion(dsn);
  const message = scrubCredentialText(error.message, region);
  const hint = scrubCredentialText(error.hint, region);
  // The parameter's name is shown too (explain --json, the console): a name cut out of a password
  // by a misplaced `?` is hidden like quoted text.
  const param =
    error.param !== null && error.param !== undefined && region !== '' && couldReveal(error.param) && overlaps(error.param, region)
      ? HIDDEN
      : error.param;
  if (message === error.message && hint === error.hint && param === error.param) return error;
  return new DsnError(error.code, message, hint, param, error.position);
}
