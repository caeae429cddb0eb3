// Reads the PEM files named by sslcert / sslkey / sslrootcert, failing with the parameter and
// path in the message (libpq names them too) instead of a bare ENOENT or OpenSSL error later.
import { readFileSync } from 'node:fs';
import type { Backend } from '../../dsn/types.js';
import { AdapterError } from '../adapter-error.js';

export type PemParameter = 'sslcert' | 'sslkey' | 'sslrootcert';

export function readPemFile(parameter: PemParameter, path: string, backend: Backend): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'does not exist'
        : `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    throw new AdapterError('tls', backend, `${parameter}: the file ${path} ${reason}`, {
      hint: `Point ${parameter} at a readable PEM file, or remove it from the DSN.`,
      cause: error,
    });
  }
  if (!/-----BEGIN [A-Z0-9 ]+-----/.test(text)) {
    throw new AdapterError('tls', backend, `${parameter}: the file ${path} is not in PEM format (no "-----BEGIN" block)`, {
      hint: `${parameter} must be a PEM file; convert DER files with openssl (e.g. openssl x509 -inform der -in FILE -out FILE.pem).`,
    });
  }
  return text;
}
