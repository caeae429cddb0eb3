// Checks a DSN before it is saved: it must parse (with ${ENV} references standing in for their
// values), and a literal password earns a warning, since it then lives in the profile file.
import { parseDsn } from '../dsn/parse-dsn.js';
import { envReferences } from './expand-env.js';

const MARKER = 'dsnshenvref';

export interface DsnCheck {
  /** The DSN holds a password typed as is rather than a ${VAR} reference */
  literalPassword: boolean;
}

/** Throws the DsnError of a DSN that cannot parse; a reference in a numeric place (a port) is not checked. */
export function checkProfileDsn(dsn: string): DsnCheck {
  const references = envReferences(dsn);
  if (references.length === 0) {
    const parsed = parseDsn(dsn);
    return { literalPassword: 'password' in parsed && typeof parsed.password === 'string' && parsed.password !== '' };
  }
  try {
    const parsed = parseDsn(dsn.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*\}/g, MARKER));
    const password = 'password' in parsed ? parsed.password : null;
    return { literalPassword: typeof password === 'string' && password !== '' && !password.includes(MARKER) };
  } catch {
    // e.g. `:${PORT}`: only the value can tell; it is checked when connecting.
    return { literalPassword: false };
  }
}
