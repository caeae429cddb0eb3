// What the MySQL or MariaDB server behind a DSN offers, whatever the DSN says. Such a server
// greets first, before any login: the greeting holds its version and whether it offers TLS
// (CLIENT_SSL); an error packet instead is a refusal (1040 too many connections, 1129 blocked
// host). When TLS is offered, an SSLRequest and a handshake show whether the certificate
// verifies. No user name or password is sent. A server that stays silent may be PostgreSQL
// (which waits for the client): an SSLRequest tells.
// Each probe is a handshake the server sees interrupted: it counts toward max_connect_errors
// until the next successful connection from this host resets it, so doctor probes before it
// connects.
import type { MysqlDsn } from '../../dsn/types.js';
import type { ServerProbe } from '../adapter.js';
import { inspectCertificate } from '../tls-inspect.js';
import { connectWire, errorCode, type Endpoint } from '../wire-socket.js';

const CLIENT_SSL = 0x0800;
const CLIENT_PROTOCOL_41 = 0x0200;
const CLIENT_SECURE_CONNECTION = 0x8000;
const PG_SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

export async function probeMysql(dsn: MysqlDsn, timeoutMs: number): Promise<ServerProbe> {
  const endpoint: Endpoint =
    dsn.protocol === 'unix' ? { path: dsn.socket ?? '' } : { host: dsn.host ?? '127.0.0.1', port: dsn.port ?? 3306 };
  const address = 'path' in endpoint ? endpoint.path : `${endpoint.host}:${endpoint.port}`;
  const probe: ServerProbe = {
    address,
    unreachable: null,
    protocol: null,
    greetingVersion: null,
    refusal: null,
    tls: {
      offered: null,
      verified: null,
      verifyError: null,
      hostMatches: null,
      certificate: null,
      requiredByServer: null,
      requiredDetail: 'learned after connecting (require_secure_transport)',
    },
  };
  let wire;
  try {
    wire = await connectWire(endpoint, timeoutMs);
  } catch (error) {
    probe.unreachable = errorCode(error);
    return probe;
  }
  try {
    const greeting = await wire.read(Math.min(timeoutMs, 1000));
    if (greeting === null) {
      wire.write(PG_SSL_REQUEST);
      const answer = await wire.read(timeoutMs);
      probe.protocol = answer !== null && answer.length === 1 && (answer[0] === 0x53 || answer[0] === 0x4e) ? 'postgres' : 'unknown';
      return probe;
    }
    const parsed = parseGreeting(greeting);
    Object.assign(probe, parsed.probe);
    if (parsed.capabilities === null) return probe;
    probe.tls.offered = (parsed.capabilities & CLIENT_SSL) !== 0;
    if (probe.tls.offered && 'host' in endpoint) {
      wire.write(sslRequest(parsed.sequence + 1));
      Object.assign(probe.tls, await inspectCertificate(wire.socket, endpoint.host, null, timeoutMs));
    }
    if (!probe.tls.offered) {
      probe.tls.requiredByServer = false;
      probe.tls.requiredDetail = 'the server does not offer TLS';
    }
    return probe;
  } finally {
    wire.close();
  }
}

export function parseGreeting(data: Buffer): { probe: Partial<ServerProbe>; capabilities: number | null; sequence: number } {
  const sequence = data[3] ?? 0;
  if (data.length >= 7 && data[4] === 0xff) {
    const message = data
      .subarray(7)
      .toString('utf8')
      .replace(/^#[0-9A-Z]{5}/, '');
    return { probe: { protocol: 'mysql', refusal: { code: String(data.readUInt16LE(5)), message } }, capabilities: null, sequence };
  }
  if (data.length < 5 || data[4] !== 0x0a) return { probe: { protocol: 'unknown' }, capabilities: null, sequence };
  const versionEnd = data.indexOf(0, 5);
  if (versionEnd === -1) return { probe: { protocol: 'unknown' }, capabilities: null, sequence };
  const version = data.subarray(5, versionEnd).toString('latin1');
  // thread id (4), auth data part 1 (8), filler (1), then the capability flags' lower two bytes
  const flagsAt = versionEnd + 1 + 4 + 8 + 1;
  const capabilities = data.length >= flagsAt + 2 ? data.readUInt16LE(flagsAt) : null;
  return { probe: { protocol: 'mysql', greetingVersion: version.replace(/^5\.5\.5-/, '') }, capabilities, sequence };
}

function sslRequest(sequence: number): Buffer {
  const payload = Buffer.alloc(32);
  payload.writeUInt32LE(CLIENT_SSL | CLIENT_PROTOCOL_41 | CLIENT_SECURE_CONNECTION, 0);
  payload.writeUInt32LE(16 * 1024 * 1024, 4);
  payload[8] = 45; // utf8mb4_general_ci
  const header = Buffer.from([32, 0, 0, sequence & 0xff]);
  return Buffer.concat([header, payload]);
}
