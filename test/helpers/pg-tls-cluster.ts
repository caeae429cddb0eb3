// A TLS-enabled throw-away PostgreSQL cluster and a test PKI made with openssl: a CA, a server
// certificate for `localhost` (no IP address in it), and a second CA with a certificate of its own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTempCluster, type TempCluster } from './pg-temp-cluster.js';

export interface TestPki {
  dir: string;
  caCert: string;
  otherCaCert: string;
  serverCert: string;
  serverKey: string;
  /** Signed by the other CA */
  otherCert: string;
  otherKey: string;
  remove(): void;
}

function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe', timeout: 30_000 });
}

function makeCa(dir: string, name: string): void {
  openssl(
    dir,
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.crt`,
    '-days',
    '2',
    '-subj',
    `/CN=dsnsh test ${name}`,
  );
}

function makeSigned(dir: string, name: string, ca: string, commonName: string): void {
  writeFileSync(
    join(dir, `${name}.ext`),
    `subjectAltName = DNS:${commonName}\nbasicConstraints = CA:FALSE\nkeyUsage = digitalSignature, keyEncipherment\nextendedKeyUsage = serverAuth, clientAuth\n`,
  );
  openssl(
    dir,
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    `/CN=${commonName}`,
  );
  openssl(
    dir,
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.crt`,
    '-CAkey',
    `${ca}.key`,
    '-CAcreateserial',
    '-out',
    `${name}.crt`,
    '-days',
    '2',
    '-extfile',
    `${name}.ext`,
  );
}

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'dsnsh-pki-'));
  makeCa(dir, 'ca');
  makeCa(dir, 'other-ca');
  makeSigned(dir, 'server', 'ca', 'localhost');
  makeSigned(dir, 'other', 'other-ca', 'localhost');
  const path = (file: string) => join(dir, file);
  return {
    dir,
    caCert: path('ca.crt'),
    otherCaCert: path('other-ca.crt'),
    serverCert: path('server.crt'),
    serverKey: path('server.key'),
    otherCert: path('other.crt'),
    otherKey: path('other.key'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TlsCluster extends TempCluster {
  pki: TestPki;
}

/** Connections to this database must present a client certificate signed by the other CA. */
export const CLIENT_CERT_DATABASE = 'clientcert';

/**
 * `hostssl-only` makes plaintext connections fail, so sslmode=disable can be shown to fail.
 * Database `clientcert` also demands a client certificate issued by the other CA.
 */
export async function startTlsCluster(hba: 'trust' | 'hostssl-only' = 'hostssl-only'): Promise<TlsCluster> {
  const pki = makeTestPki();
  try {
    const cluster = await startTempCluster({
      tls: {
        certPem: readFileSync(pki.serverCert, 'utf8'),
        keyPem: readFileSync(pki.serverKey, 'utf8'),
        clientCaPem: readFileSync(pki.otherCaCert, 'utf8'),
      },
      extraHba: [
        `hostssl ${CLIENT_CERT_DATABASE} all 127.0.0.1/32 trust clientcert=verify-ca`,
        `hostssl ${CLIENT_CERT_DATABASE} all ::1/128 trust clientcert=verify-ca`,
      ],
      hba,
    });
    cluster.psql(`CREATE DATABASE ${CLIENT_CERT_DATABASE}`);
    return {
      ...cluster,
      pki,
      stop: () => {
        try {
          cluster.stop();
        } finally {
          pki.remove();
        }
      },
    };
  } catch (error) {
    pki.remove();
    throw error;
  }
}
