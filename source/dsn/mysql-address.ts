// The `[user[:password]@][protocol[(address)]]/dbname[?params]` grammar of the Go MySQL driver,
// located exactly as the driver does: the LAST `/` starts the database name, the LAST `@` before
// it ends the credentials and the FIRST `:` splits user from password (so passwords may contain
// `:`, `@` and `/` unescaped). Credentials are raw text here; the driver does not decode them.
import { DsnError } from './errors.js';

export interface MysqlSections {
  user: string | null;
  password: string | null;
  /** text before `(`, or the whole address part when there are no parentheses */
  protocol: string;
  /** text inside `(...)`, null when there are no parentheses */
  address: string | null;
  /** offset of the protocol inside the body */
  protocolOffset: number;
  /** raw database name (before decoding) and its offset */
  database: string;
  databaseOffset: number;
  /** raw query string (after `?`) and its offset, null when absent */
  query: string | null;
  queryOffset: number;
}

export function splitMysqlSections(body: string, bodyOffset: number): MysqlSections {
  const slash = body.lastIndexOf('/');
  if (slash === -1) {
    throw new DsnError(
      'malformed',
      'The MySQL DSN has no "/" before the database name.',
      'Write mysql://user:password@tcp(host:3306)/database (the "/" is required even without a database).',
      null,
      bodyOffset + body.length,
    );
  }
  const at = body.lastIndexOf('@', slash);
  let user: string | null = null;
  let password: string | null = null;
  if (at !== -1) {
    const colon = body.slice(0, at).indexOf(':');
    user = colon === -1 ? body.slice(0, at) : body.slice(0, colon);
    if (colon !== -1) password = body.slice(colon + 1, at);
  }
  const addressPart = body.slice(at + 1, slash);
  const open = addressPart.indexOf('(');
  let protocol = addressPart;
  let address: string | null = null;
  if (open !== -1) {
    if (!addressPart.endsWith(')')) {
      const unescaped = addressPart.slice(open + 1).includes(')');
      throw new DsnError(
        'malformed',
        unescaped
          ? 'The MySQL DSN has a "/" after the address that is not the database separator (an unescaped "/" in a parameter value?).'
          : `The address "${addressPart}" is missing its closing ")".`,
        unescaped
          ? 'Escape "/" inside parameter values and database names as %2F (e.g. loc=US%2FPacific).'
          : 'Write the address as tcp(host:port) or unix(/path/to/socket).',
        null,
        bodyOffset + at + 1 + open,
      );
    }
    protocol = addressPart.slice(0, open);
    address = addressPart.slice(open + 1, -1);
  }
  const question = body.indexOf('?', slash + 1);
  return {
    user: user === '' && password === null ? null : user,
    password,
    protocol,
    address,
    protocolOffset: bodyOffset + at + 1,
    database: question === -1 ? body.slice(slash + 1) : body.slice(slash + 1, question),
    databaseOffset: bodyOffset + slash + 1,
    query: question === -1 ? null : body.slice(question + 1),
    queryOffset: bodyOffset + question + 1,
  };
}
