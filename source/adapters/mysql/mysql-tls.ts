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
  /** the name (or address) the certificate must carry; checked in mysql-connect.ts */
  verifyHost: string | null;
}

export function tlsPlan(mode: MysqlTls, protocol: 'tcp' | 'unix', host: string | null): TlsPlan {
  // Over a unix socket the server never offers TLS; the Go driver only uses it on tcp in practice.
  if (protocol === 'unix' && mode === 'preferred') return { ssl: undefined, fallBackToPlaintext: false, verifies: false, verifyHost: null };
  switch (mode) {
    case 'true':
      // Verified chain against the system's trusted CAs; the host name is checked by us, since
      // mysql2's own check compares an IP host with 'localhost'.
      return {
        ssl: { rejectUnauthorized: true, verifyIdentity: false },
        fallBackToPlaintext: false,
        verifies: true,
        verifyHost: host ?? 'localhost',
      };
    case 'skip-verify':
      return { ssl: { rejectUnauthorized: false }, fallBackToPlaintext: false, verifies: false, verifyHost: null };
    case 'preferred':
      return { ssl: { rejectUnauthorized: false }, fallBackToPlaintext: true, verifies: false, verifyHost: null };
    case 'false':
      return { ssl: undefined, fallBackToPlaintext: false, verifies: false, verifyHost: null };
  }
}
