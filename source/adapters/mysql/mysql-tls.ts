// The Go driver's tls modes as mysql2 ssl options. `preferred` tries TLS without verification
// and falls back to plaintext when the server offers none (see mysql-connect.ts).
import type { SslOptions } from 'mysql2';
import type { MysqlTls } from '../../dsn/types.js';

export interface TlsPlan {
  /** ssl option for the first attempt; undefined = plaintext */
  ssl: SslOptions | undefined;
  /** retry in plaintext when the server does not offer TLS */
  fallBackToPlaintext: boolean;
  /** whether a successful TLS connection has had its certificate verified */
  verifies: boolean;
}

export function tlsPlan(mode: MysqlTls, protocol: 'tcp' | 'unix'): TlsPlan {
  // Over a unix socket the server never offers TLS; the Go driver only uses it on tcp in practice.
  if (protocol === 'unix' && mode === 'preferred') return { ssl: undefined, fallBackToPlaintext: false, verifies: false };
  switch (mode) {
    case 'true':
      // Verified chain against the system's trusted CAs, and the host name (IP SAN for addresses).
      return { ssl: { rejectUnauthorized: true, verifyIdentity: true }, fallBackToPlaintext: false, verifies: true };
    case 'skip-verify':
      return { ssl: { rejectUnauthorized: false }, fallBackToPlaintext: false, verifies: false };
    case 'preferred':
      return { ssl: { rejectUnauthorized: false }, fallBackToPlaintext: true, verifies: false };
    case 'false':
      return { ssl: undefined, fallBackToPlaintext: false, verifies: false };
  }
}
