// Replaces the password in any DSN-looking text with `***`, without needing the DSN to be valid
// (error messages redact too). MySQL follows the Go driver's grammar (credentials end at the last
// `@` before the last `/`, so passwords may hold `:@/?` unescaped). URL forms end the credentials
// at the last `@` before the query; when no `@` precedes the `?`, at the last `@` at all, hiding
// too much rather than too little.
import { isSecretParam } from './go-query.js';

export const REDACTED = '***';

export function redactDsn(dsn: string): string {
  const schemeEnd = dsn.indexOf('://');
  const start = schemeEnd === -1 ? 0 : schemeEnd + 3;
  const body = dsn.slice(start);
  const isMysql = dsn.slice(0, start).toLowerCase() === 'mysql://';
  const credentialsEnd = isMysql ? findMysqlCredentialsEnd(body) : findUrlCredentialsEnd(body);
  let result = dsn;
  let queryFrom = start;
  if (credentialsEnd !== -1) {
    const colon = body.slice(0, credentialsEnd).indexOf(':');
    if (colon !== -1 && colon + 1 < credentialsEnd) {
      result = dsn.slice(0, start + colon + 1) + REDACTED + dsn.slice(start + credentialsEnd);
    }
    queryFrom = result.indexOf('@', start + (colon === -1 ? 0 : colon)) + 1;
  }
  return redactSecretParams(result, queryFrom);
}

function findMysqlCredentialsEnd(body: string): number {
  const slash = body.lastIndexOf('/');
  const at = slash === -1 ? -1 : body.lastIndexOf('@', slash);
  return at !== -1 ? at : body.lastIndexOf('@');
}

function findUrlCredentialsEnd(body: string): number {
  const question = body.indexOf('?');
  const beforeQuery = question === -1 ? body : body.slice(0, question);
  const at = beforeQuery.lastIndexOf('@');
  return at !== -1 ? at : body.lastIndexOf('@');
}

/** `password=…` / `sslpassword=…` in the query string. */
function redactSecretParams(dsn: string, from: number): string {
  const question = dsn.indexOf('?', from);
  if (question === -1) return dsn;
  const query = dsn
    .slice(question + 1)
    .split('&')
    .map((segment) => {
      const equals = segment.indexOf('=');
      if (equals === -1) return segment;
      let key = segment.slice(0, equals);
      try {
        key = decodeURIComponent(key.replaceAll('+', ' '));
      } catch {
        // keep the raw key
      }
      return isSecretParam(key) && equals + 1 < segment.length ? `${segment.slice(0, equals)}=${REDACTED}` : segment;
    });
  return `${dsn.slice(0, question + 1)}${query.join('&')}`;
}

/** Every occurrence of the DSN's password in a message (a driver's or a server's) as `***`; any length counts. */
export function scrubPassword(text: string, password: string | null | undefined): string {
  return password ? text.split(password).join(REDACTED) : text;
}
