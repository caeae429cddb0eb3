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
  return text
    .split('\n')
    .map((line) => scrubLine(line, region))
    .join('\n');
}

/**
 * Quoted stretches of one line, left to right. A value quoted by an error can itself hold `"`
 * (a password `Aa0a"Aa0a` read as a port): a quote closes only where a delimiter or the line's end
 * follows it, and a hidden stretch goes on over later quoted pieces that still share a run with the
 * credentials (`"Secret" Word"`), so no piece of the value is left after the hidden part.
 */
function scrubLine(line: string, region: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = line.indexOf('"', from);
    if (open < 0) return out + line.slice(from);
    let close = closingQuote(line, open + 1);
    const inner = line.slice(open + 1, close < 0 ? line.length : close);
    if (!(couldReveal(inner) && overlaps(inner, region))) {
      if (close < 0) return out + line.slice(from);
      out += line.slice(from, close + 1);
      from = close + 1;
      continue;
    }
    while (close >= 0) {
      const next = closingQuote(line, close + 1);
      if (next < 0 || !overlaps(line.slice(close + 1, next), region)) break;
      close = next;
    }
    out += line.slice(from, open) + HIDDEN;
    if (close < 0) return out;
    from = close + 1;
  }
}

/** The first `"` at or after `from` that ends a quotation: the line ends or a delimiter follows. */
function closingQuote(line: string, from: number): number {
  for (let at = line.indexOf('"', from); at >= 0; at = line.indexOf('"', at + 1)) {
    if (at + 1 === line.length || /[\s.,:;)\]!?]/.test(line[at + 1]!)) return at;
  }
  return -1;
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
