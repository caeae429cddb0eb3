// Turns mysql2 / server failures into the one AdapterError. The server's errno is the code;
// the password is scrubbed from anything a user could see.
import { scrubPassword } from '../../dsn/redact.js';
import { AdapterError, type AdapterErrorKind } from '../adapter-error.js';

interface DriverError {
  code?: string;
  errno?: number;
  message?: string;
  sqlMessage?: string;
  fatal?: boolean;
}

const AUTH = new Set([1044, 1045, 1698, 1251, 1275]);
const SYNTAX = new Set([1064, 1149]);
const CONSTRAINT = new Set([1048, 1062, 1169, 1216, 1217, 1364, 1451, 1452, 1557, 1586, 3819, 4025]);
const TIMEOUT_ERRNO = new Set([1205, 1969, 3024]);
const TLS_ERRNO = new Set([3159, 4151]);
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOENT',
  'EACCES',
  'ECONNRESET',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
]);
const TLS_CODES =
  /^(HANDSHAKE_NO_SSL_SUPPORT|HANDSHAKE_SSL_ERROR|ERR_TLS|ERR_SSL|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|CERT_|ERR_OSSL)/;

const TOO_MANY_CONNECTIONS =
  'The server has no free connection slot (max_connections is reached): lower max_conns in the DSNs of the services that share this server, look for idle or stuck sessions with SHOW PROCESSLIST (KILL ends one), or raise max_connections.';

export interface ErrorContext {
  /** The statement that failed, to locate syntax errors */
  sql?: string;
  password?: string | null;
  /** Where the server was meant to be, for connection messages */
  address?: string;
  /** The connection may be plaintext (tls=false or preferred) */
  mayBePlaintext?: boolean;
}

function kindOf(error: DriverError): AdapterErrorKind {
  const errno = typeof error.errno === 'number' && error.code?.startsWith('ER') ? error.errno : undefined;
  if (errno !== undefined) {
    if (AUTH.has(errno)) return 'auth';
    if (SYNTAX.has(errno)) return 'syntax';
    if (CONSTRAINT.has(errno)) return 'constraint';
    // Our own cancel is reported by the statement guard; a 1317 reaching here is another
    // session's KILL QUERY: a failed statement, not an interruption of dsnsh.
    if (errno === 1317) return 'other';
    if (TIMEOUT_ERRNO.has(errno)) return 'timeout';
    if (TLS_ERRNO.has(errno)) return 'tls';
    if (errno === 1040 || errno === 1049 || errno === 1129 || errno === 1130) return 'connect';
    return 'other';
  }
  const code = error.code ?? '';
  if (code === 'ETIMEDOUT' || code === 'PROTOCOL_SEQUENCE_TIMEOUT') return 'timeout';
  if (TLS_CODES.test(code)) return 'tls';
  if (CONNECT_CODES.has(code)) return 'connect';
  if (/closed state|Connection lost|Pool is closed/i.test(error.message ?? '')) return 'connect';
  return 'other';
}

function hintFor(kind: AdapterErrorKind, error: DriverError, context: ErrorContext): string | null {
  const where = context.address ? ` at ${context.address}` : '';
  switch (kind) {
    case 'auth':
      // MariaDB answers "access denied" to a plaintext login when require_secure_transport is on.
      return (
        'Check the user name and password in the DSN, and that the user may use this database.' +
        (context.mayBePlaintext ? ' If the server requires TLS (require_secure_transport), add ?tls=true (or ?tls=skip-verify).' : '')
      );
    case 'connect':
      if (error.errno === 1049) return 'Create the database, or name an existing one after the last / in the DSN.';
      if (error.errno === 1040) return TOO_MANY_CONNECTIONS;
      if (error.code === 'ENOENT') return `No socket file${where}: check the unix(...) path and that the server is running.`;
      return `Check that the server is running${where} and reachable; the connection was refused or lost.`;
    case 'timeout':
      if (error.code === 'ETIMEDOUT') return `The server${where} did not answer in time; check host and port, or raise ?timeout=.`;
      return null;
    case 'tls':
      if (error.code === 'HANDSHAKE_NO_SSL_SUPPORT') return 'The server does not offer TLS: use ?tls=preferred or ?tls=false.';
      if (TLS_ERRNO.has(error.errno ?? 0)) return 'The server accepts only TLS connections: use ?tls=true (or ?tls=skip-verify).';
      return 'The server certificate was not accepted: use a certificate the system trusts for this host, or ?tls=skip-verify to skip verification.';
    case 'syntax':
      return 'Check the statement near the marked position.';
    default:
      return null;
  }
}

/** 1-based position of the text the server quotes in "near '…' at line N". */
export function syntaxPosition(message: string, sql: string | undefined): number | null {
  if (!sql) return null;
  const match = /near '([\s\S]*)' at line (\d+)/.exec(message);
  if (!match) return null;
  const near = (match[1] ?? '').replace(/\.\.\.$/, '');
  const line = Number(match[2]);
  let lineStart = 0;
  for (let current = 1; current < line; current++) {
    const next = sql.indexOf('\n', lineStart);
    if (next < 0) break;
    lineStart = next + 1;
  }
  if (near === '') return sql.trimEnd().length + 1;
  // The server cuts long excerpts; a prefix is enough to find the place.
  const probe = near.slice(0, 40);
  let index = sql.indexOf(probe, lineStart);
  if (index < 0) index = sql.indexOf(probe);
  return index < 0 ? null : index + 1;
}

export function toAdapterError(cause: unknown, context: ErrorContext = {}): AdapterError {
  if (cause instanceof AdapterError) return cause;
  const error: DriverError = typeof cause === 'object' && cause !== null ? (cause as DriverError) : { message: String(cause) };
  const kind = kindOf(error);
  const raw = error.sqlMessage ?? error.message ?? 'unknown error';
  const serverCode = typeof error.errno === 'number' && error.code?.startsWith('ER') ? String(error.errno) : (error.code ?? null);
  let message = scrubPassword(raw, context.password);
  if (error.errno === 1317 && kind === 'other')
    message = `The server interrupted the statement (${message}; KILL QUERY from another session)`;
  const aboutTheLink = kind === 'connect' || kind === 'tls' || error.code === 'ETIMEDOUT';
  if (aboutTheLink && context.address && !message.includes(context.address)) message += ` (${context.address})`;
  return new AdapterError(kind, 'mysql', message, {
    code: serverCode,
    position: kind === 'syntax' ? syntaxPosition(raw, context.sql) : null,
    hint: hintFor(kind, error, context),
    cause,
  });
}

/** A background reader's `ifConnectionFree` found every connection in use (it did not queue). */
export function busyError(): AdapterError {
  return new AdapterError('busy', 'mysql', "paused: the only connection is the session's", {
    hint: 'Raise max_conns to read this while a session holds its connection.',
  });
}

export function cancelledError(): AdapterError {
  return new AdapterError('cancelled', 'mysql', 'The statement was cancelled.', { code: '1317' });
}
