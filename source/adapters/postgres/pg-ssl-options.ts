// libpq's sslmode semantics turned into node TLS options, because node-postgres has none of its
// own: it verifies everything when `ssl` is set and never falls back to plaintext.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ConnectionOptions } from 'node:tls';
import type { PostgresDsn } from '../../dsn/types.js';
import { AdapterError } from '../adapter-error.js';
import { readPemFile } from './pg-pem-file.js';

/** `false` = plaintext; otherwise the options for tls.connect. */
export type TlsChoice = false | ConnectionOptions;

export interface SslPlan {
  /** Tried first */
  first: TlsChoice;
  /** Tried when the first fails in the way the mode allows (allow / prefer only) */
  fallback: TlsChoice | null;
  /** Whether the server certificate's chain is checked, and its host name */
  verifiesChain: boolean;
  verifiesHost: boolean;
}

/** Where libpq looks for a root certificate when sslrootcert is not given. */
function defaultRootCertPath(): string {
  return join(homedir(), '.postgresql', 'root.crt');
}

function rootCertificates(dsn: PostgresDsn, required: boolean): { ca?: string } | null {
  const path = dsn.ssl.rootCert;
  if (path === 'system') return {}; // libpq's sslrootcert=system: the platform's trusted roots
  if (path !== null) return { ca: readPemFile('sslrootcert', path, dsn.backend) };
  const fallback = defaultRootCertPath();
  if (existsSync(fallback)) return { ca: readPemFile('sslrootcert', fallback, dsn.backend) };
  if (!required) return null;
  throw new AdapterError('tls', dsn.backend, `sslmode=${dsn.ssl.mode} needs a root certificate to verify the server, and the DSN has no sslrootcert (${fallback} does not exist either)`, {
    hint: 'Add sslrootcert=/path/to/ca.pem (or sslrootcert=system for the trusted system roots), or use sslmode=require to encrypt without verifying.',
  });
}

function clientCertificate(dsn: PostgresDsn): ConnectionOptions {
  const options: ConnectionOptions = {};
  if (dsn.ssl.cert !== null) options.cert = readPemFile('sslcert', dsn.ssl.cert, dsn.backend);
  if (dsn.ssl.key !== null) options.key = readPemFile('sslkey', dsn.ssl.key, dsn.backend);
  if ((options.cert === undefined) !== (options.key === undefined)) {
    const missing = options.cert === undefined ? 'sslcert' : 'sslkey';
    throw new AdapterError('tls', dsn.backend, `A client certificate needs both sslcert and sslkey; ${missing} is missing`, {
      hint: `Add ${missing}=/path/to/file.pem to the DSN.`,
    });
  }
  return options;
}

/** TLS options for the modes that encrypt; reads every certificate file now so errors surface at open. */
export function planSsl(dsn: PostgresDsn): SslPlan {
  const mode = dsn.ssl.mode;
  // libpq never uses TLS on a Unix-domain socket, whatever sslmode says.
  if (mode === 'disable' || dsn.host.startsWith('/')) return { first: false, fallback: null, verifiesChain: false, verifiesHost: false };

  const client = clientCertificate(dsn);
  const verifyFull = mode === 'verify-full';
  // libpq checks the chain in every TLS mode once a root certificate is available, and requires
  // one for verify-ca / verify-full; only verify-full checks the host name.
  const roots = rootCertificates(dsn, mode === 'verify-ca' || verifyFull);
  const verifiesChain = roots !== null;
  const tls: ConnectionOptions = {
    ...client,
    ...(roots ?? {}),
    rejectUnauthorized: verifiesChain,
    ...(verifyFull ? {} : { checkServerIdentity: () => undefined }),
  };
  const plan = { verifiesChain, verifiesHost: verifyFull };
  if (mode === 'allow') return { first: false, fallback: tls, ...plan };
  if (mode === 'prefer') return { first: tls, fallback: false, ...plan };
  return { first: tls, fallback: null, ...plan };
}
