// sslmode turned into node TLS options as pgx (the service's driver) builds its tls.Config, because
// node-postgres has no semantics of its own: it verifies everything when `ssl` is set and never
// falls back to plaintext. allow and prefer never verify; require verifies the chain only with a
// root certificate (then like verify-ca); verify-ca checks the chain, verify-full the host name
// too; without sslrootcert the platform's trusted roots are used, as Go does.
import type { ConnectionOptions } from 'node:tls';
import type { PostgresDsn } from '../../dsn/types.js';
import { readPemFile } from './pg-pem-file.js';

/** `false` = plaintext; otherwise the options for tls.connect. */
export type TlsChoice = false | ConnectionOptions;

export interface SslPlan {
  /** Tried first on every host */
  first: TlsChoice;
  /** Tried next on the same host (allow / prefer only) */
  fallback: TlsChoice | null;
  /** Whether the server certificate's chain is checked, and its host name */
  verifiesChain: boolean;
  verifiesHost: boolean;
}

function clientCertificate(dsn: PostgresDsn): ConnectionOptions {
  // The parser has refused a certificate without its key (pgx does).
  if (dsn.ssl.cert === null || dsn.ssl.key === null) return {};
  return { cert: readPemFile('sslcert', dsn.ssl.cert, dsn.backend), key: readPemFile('sslkey', dsn.ssl.key, dsn.backend) };
}

/** TLS options for the modes that encrypt; reads every certificate file now so errors surface at open. */
export function planSsl(dsn: PostgresDsn): SslPlan {
  const { mode, rootCert } = dsn.ssl;
  if (mode === 'disable') return { first: false, fallback: null, verifiesChain: false, verifiesHost: false };

  const client = clientCertificate(dsn);
  const verifiesHost = mode === 'verify-full';
  const verifiesChain = verifiesHost || mode === 'verify-ca' || (mode === 'require' && rootCert !== null);
  // pgx reads sslrootcert in every TLS mode (an unreadable file is an error), even where it then
  // does not verify; `system` means the platform's roots, node's default.
  const roots = rootCert !== null && rootCert !== 'system' ? { ca: readPemFile('sslrootcert', rootCert, dsn.backend) } : {};
  const tls: ConnectionOptions = {
    ...client,
    ...(verifiesChain ? roots : {}),
    rejectUnauthorized: verifiesChain,
    ...(verifiesHost ? {} : { checkServerIdentity: () => undefined }),
  };
  const plan = { verifiesChain, verifiesHost };
  if (mode === 'allow') return { first: false, fallback: tls, ...plan };
  if (mode === 'prefer') return { first: tls, fallback: false, ...plan };
  return { first: tls, fallback: null, ...plan };
}
