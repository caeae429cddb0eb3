// What the PostgreSQL (or CockroachDB) server behind a DSN offers, whatever the DSN says: an
// SSLRequest shows whether it speaks PostgreSQL's protocol and offers TLS; a TLS handshake shows
// whether its certificate verifies; a plaintext StartupMessage shows whether pg_hba.conf lets a
// plaintext client in (an AuthenticationRequest) or refuses it (28000 "no encryption", a hostssl
// rule). No password is ever sent: the probe hangs up at the first answer. When the DSN insists on
// TLS, the plaintext probe uses placeholder names, so the DSN's user and database never cross the
// network unencrypted.
import { readFileSync } from 'node:fs';
import type { PostgresDsn } from '../../dsn/types.js';
import type { ServerProbe, TlsProbe } from '../adapter.js';
import { inspectCertificate } from '../tls-inspect.js';
import { connectWire, errorCode, type Endpoint } from '../wire-socket.js';

const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);
const PLACEHOLDER = 'dsnsh_probe';

function endpointOf(dsn: PostgresDsn): { endpoint: Endpoint; address: string } {
  if (dsn.host.startsWith('/')) {
    const path = `${dsn.host}/.s.PGSQL.${dsn.port}`;
    return { endpoint: { path }, address: path };
  }
  return { endpoint: { host: dsn.host, port: dsn.port }, address: `${dsn.host}:${dsn.port}` };
}

function emptyTls(): TlsProbe {
  return {
    offered: null,
    verified: null,
    verifyError: null,
    hostMatches: null,
    certificate: null,
    requiredByServer: null,
    requiredDetail: null,
  };
}

export async function probePostgres(dsn: PostgresDsn, timeoutMs: number): Promise<ServerProbe> {
  const { endpoint, address } = endpointOf(dsn);
  const probe: ServerProbe = { address, unreachable: null, protocol: null, greetingVersion: null, refusal: null, tls: emptyTls() };
  let wire;
  try {
    wire = await connectWire(endpoint, timeoutMs);
  } catch (error) {
    probe.unreachable = errorCode(error);
    return probe;
  }
  try {
    wire.write(SSL_REQUEST);
    const answer = await wire.read(timeoutMs);
    if (answer === null) {
      probe.protocol = 'unknown';
      return probe;
    }
    const first = String.fromCharCode(answer[0]!);
    if (first === 'S' || first === 'N') {
      probe.protocol = 'postgres';
      probe.tls.offered = first === 'S';
      if (first === 'S' && 'host' in endpoint) {
        Object.assign(probe.tls, await inspectCertificate(wire.socket, endpoint.host, rootCa(dsn), timeoutMs));
      }
    } else if (first === 'E') {
      probe.protocol = 'postgres';
      probe.refusal = errorResponse(answer);
    } else {
      Object.assign(probe, foreignGreeting(answer));
    }
  } finally {
    wire.close();
  }
  if (probe.protocol !== 'postgres' || probe.refusal !== null) return probe;
  if (!probe.tls.offered) {
    probe.tls.requiredByServer = false;
    probe.tls.requiredDetail = 'the server does not offer TLS';
    return probe;
  }
  await probePlaintext(dsn, endpoint, probe, timeoutMs);
  return probe;
}

/** sslrootcert as PEM text, when the DSN gives a readable file ("system" and unreadable: the default store). */
function rootCa(dsn: PostgresDsn): string | null {
  const file = dsn.ssl.rootCert;
  if (file === null || file === 'system') return null;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

async function probePlaintext(dsn: PostgresDsn, endpoint: Endpoint, probe: ServerProbe, timeoutMs: number): Promise<void> {
  const insistsOnTls = dsn.ssl.mode === 'require' || dsn.ssl.mode === 'verify-ca' || dsn.ssl.mode === 'verify-full';
  const user = insistsOnTls ? PLACEHOLDER : (dsn.user ?? PLACEHOLDER);
  const database = insistsOnTls ? PLACEHOLDER : (dsn.database ?? user);
  const as = insistsOnTls ? `as a placeholder user (the DSN's sslmode=${dsn.ssl.mode} keeps its user off plaintext)` : `as user ${user}`;
  let wire;
  try {
    wire = await connectWire(endpoint, timeoutMs);
  } catch (error) {
    probe.tls.requiredDetail = `a plaintext probe could not connect (${errorCode(error).code})`;
    return;
  }
  try {
    wire.write(startupMessage({ user, database, application_name: 'dsnsh doctor probe' }));
    const answer = await wire.read(timeoutMs);
    if (answer === null) {
      probe.tls.requiredDetail = 'no answer to a plaintext startup';
    } else if (answer[0] === 0x52 /* R */) {
      probe.tls.requiredByServer = false;
      probe.tls.requiredDetail = `a plaintext client is asked to authenticate (probed ${as})`;
    } else if (answer[0] === 0x45 /* E */) {
      const error = errorResponse(answer);
      if (error.code === '28000' && /no encryption/.test(error.message)) {
        probe.tls.requiredByServer = true;
        probe.tls.requiredDetail = `${error.message}; probed ${as}`;
      } else {
        if (error.code === '53300') probe.refusal = error;
        probe.tls.requiredDetail = `a plaintext startup was answered with ${error.code}: ${error.message}`;
      }
    }
  } finally {
    wire.close();
  }
}

function startupMessage(parameters: Record<string, string>): Buffer {
  const body = Buffer.concat([
    Buffer.from([0, 3, 0, 0]),
    ...Object.entries(parameters).flatMap(([key, value]) => [Buffer.from(`${key}\0${value}\0`, 'utf8')]),
    Buffer.from([0]),
  ]);
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  return Buffer.concat([length, body]);
}

/** ErrorResponse fields: C (SQLSTATE) and M (message). */
export function errorResponse(data: Buffer): { code: string; message: string } {
  const fields: Record<string, string> = {};
  let i = 5;
  while (i < data.length && data[i] !== 0) {
    const type = String.fromCharCode(data[i]!);
    const end = data.indexOf(0, i + 1);
    if (end === -1) break;
    fields[type] = data.subarray(i + 1, end).toString('utf8');
    i = end + 1;
  }
  return { code: fields.C ?? '', message: fields.M ?? '' };
}

/** A MySQL/MariaDB server greets first: protocol 10, its version, or an error packet. */
function foreignGreeting(data: Buffer): Partial<ServerProbe> {
  if (data.length >= 5 && data[3] === 0 && data[4] === 0x0a) {
    const end = data.indexOf(0, 5);
    return { protocol: 'mysql', greetingVersion: data.subarray(5, end === -1 ? data.length : end).toString('latin1') };
  }
  if (data.length >= 7 && data[3] === 0 && data[4] === 0xff) {
    return {
      protocol: 'mysql',
      refusal: {
        code: String(data.readUInt16LE(5)),
        message: data
          .subarray(7)
          .toString('utf8')
          .replace(/^#[0-9A-Z]{5}/, ''),
      },
    };
  }
  return { protocol: 'unknown' };
}
