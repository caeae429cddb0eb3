// Every node-postgres failure becomes one AdapterError: a kind callers branch on, the SQLSTATE,
// the position, and a message that says what to do. The password never reaches a message.
import { scrubPassword } from '../../dsn/redact.js';
import type { PostgresDsn } from '../../dsn/types.js';
import { AdapterError, type AdapterErrorKind } from '../adapter-error.js';

export interface ErrorContext {
  dsn: PostgresDsn;
  /** The caller aborted the statement (AbortSignal), so a 57014 is ours */
  aborted?: boolean;
  /** Opening a connection: setting errors then come from the DSN's parameters */
  connecting?: boolean;
}

interface PgLikeError {
  message?: string;
  code?: string;
  position?: string;
  hint?: string;
  detail?: string;
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|ERR_OSSL_|HOSTNAME_MISMATCH)/;
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
  '53300',
]);

/** The server(s) of the DSN: several hosts are tried in order, as pgx does. */
function endpoint(dsn: PostgresDsn): string {
  const hosts = dsn.hosts ?? [{ host: dsn.host, port: dsn.port }];
  return hosts.map(({ host, port }) => `${host.includes(':') ? `[${host}]` : host}:${port}`).join(', ');
}

function scrub(text: string, dsn: PostgresDsn): string {
  return scrubPassword(text, dsn.password);
}

function classify(error: PgLikeError, context: ErrorContext): { kind: AdapterErrorKind; message: string; hint: string | null } {
  const { dsn } = context;
  const code = error.code ?? '';
  const text = error.message ?? String(error);
  const where = endpoint(dsn);

  if (text === 'The server does not support SSL connections') {
    const why = `sslmode=${dsn.ssl.mode}`;
    return {
      kind: 'tls',
      message: `The server at ${where} refused TLS, and ${why} does not allow an unencrypted connection`,
      hint: 'If the server really has no TLS, add ?sslmode=disable (or sslmode=prefer) to the DSN.',
    };
  }
  if ((code === '28000' || code === '28P01') && /no encryption/.test(text)) {
    return {
      kind: 'tls',
      message: `The server at ${where} accepts only TLS connections: ${text}`,
      hint: 'Remove sslmode=disable (or use sslmode=require / verify-full).',
    };
  }
  if (context.connecting && (code === '42704' || code === '22023')) {
    return {
      kind: 'connect',
      message: `The server at ${where} rejected a setting from the DSN: ${text}`,
      hint: 'Every DSN parameter that is not a connection option is sent to the server as a setting (as the service does): correct or remove it.',
    };
  }
  if (code === '3D000' && context.connecting) {
    return {
      kind: 'connect',
      message: `${text} on the server at ${where}`,
      hint: 'Create the database, or name an existing one after the last / in the DSN.',
    };
  }
  if (code === '28000' && /certificate/.test(text)) {
    return {
      kind: 'tls',
      message: `The server at ${where} requires a client certificate: ${text}`,
      hint: "Add sslcert=/path/to/client.crt and sslkey=/path/to/client.key (a certificate the server's CA signed).",
    };
  }
  if (code === '28P01' || code === '28000') {
    return {
      kind: 'auth',
      message: `Authentication failed at ${where}: ${text}`,
      hint: 'Check the user name and password in the DSN (percent-encode special characters in the password).',
    };
  }
  if (/SASL|client password must be a string|password authentication/.test(text)) {
    return {
      kind: 'auth',
      message: `The server at ${where} asks for a password and the DSN gives none`,
      hint: 'Add the password to the DSN: postgres://user:password@host/db.',
    };
  }
  if (TLS_CODES.test(code) || /certificate|Hostname\/IP does not match|SSL routines|TLS/.test(text)) {
    return {
      kind: 'tls',
      message: `TLS with ${where} failed (sslmode=${dsn.ssl.mode}): ${text}`,
      hint:
        dsn.ssl.mode === 'verify-full'
          ? 'Check sslrootcert and that the host name matches the server certificate (sslmode=verify-ca skips the host name check).'
          : 'Check sslrootcert, sslcert and sslkey.',
    };
  }
  if (code === '57014') {
    if (context.aborted) return { kind: 'cancelled', message: 'The statement was cancelled', hint: null };
    if (/statement timeout/.test(text))
      return {
        kind: 'timeout',
        message: text,
        hint: 'Raise statement_timeout (a DSN parameter or SET statement_timeout) if the statement needs longer.',
      };
    // Not our Ctrl+C: another session cancelled it (pg_cancel_backend). A failed statement, not an
    // interruption of dsnsh: a script goes on with --continue-on-error.
    return { kind: 'other', message: `The server cancelled the statement (${text}; pg_cancel_backend from another session)`, hint: null };
  }
  if (code === '25P03' || code === '55P03' || /timeout expired|due to connection timeout/.test(text)) {
    const connecting = /connection timeout|timeout expired/.test(text);
    return {
      kind: 'timeout',
      message: connecting ? `Could not connect to ${where} within connect_timeout (${dsn.connectTimeoutMs / 1000} s)` : text,
      hint: connecting ? 'Check that the server is reachable, or raise connect_timeout.' : null,
    };
  }
  if (CONNECT_CODES.has(code) || /Connection terminated|connection (?:was )?closed|not queryable|ECONNREFUSED/i.test(text)) {
    return { kind: 'connect', message: `Connection to ${where} failed: ${text}`, hint: connectHint(code, dsn) };
  }
  if (code === '42601' || code.startsWith('42')) return { kind: 'syntax', message: text, hint: null };
  if (code.startsWith('23')) return { kind: 'constraint', message: text, hint: null };
  return { kind: 'other', message: text, hint: null };
}

function connectHint(code: string, dsn: PostgresDsn): string {
  if (code === '53300') {
    return 'The server has no free connection slot (max_connections is reached): lower max_conns in the DSNs of the services that share this server, look for idle or stuck sessions in pg_stat_activity (pg_terminate_backend ends one), or raise max_connections.';
  }
  if (code === 'ECONNREFUSED') return 'Check that the server runs and listens on this host and port.';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `Check the host name "${dsn.host}" in the DSN: it does not resolve here.`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ETIMEDOUT')
    return 'Check the host and the network path to it (firewall, VPN, cluster network policy).';
  // Never "run it again": it may have taken effect, or belonged to a transaction the server rolled back.
  return 'The connection was lost: the statement may or may not have taken effect, and an open transaction was rolled back by the server; check before running anything again.';
}

export function toAdapterError(error: unknown, context: ErrorContext): AdapterError {
  if (error instanceof AdapterError) return error;
  const pgError = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as PgLikeError;
  const { kind, message, hint } = classify(pgError, context);
  const position = pgError.position ? Number.parseInt(pgError.position, 10) : null;
  const serverHint = pgError.hint ? scrub(pgError.hint, context.dsn) : null;
  const detail = pgError.detail ? ` (${scrub(pgError.detail, context.dsn)})` : '';
  return new AdapterError(kind, context.dsn.backend, scrub(message, context.dsn) + (kind === 'constraint' ? detail : ''), {
    code: pgError.code && /^[0-9A-Z]{5}$/.test(pgError.code) ? pgError.code : (pgError.code ?? null),
    position: Number.isFinite(position) ? position : null,
    hint: serverHint ?? hint,
    cause: error,
  });
}

/** A background reader's `ifConnectionFree` found every connection in use (it did not queue). */
export function busyError(dsn: PostgresDsn): AdapterError {
  return new AdapterError('busy', dsn.backend, "paused: the only connection is the session's", {
    hint: 'Raise max_conns to read this while a session holds its connection.',
  });
}

export function cancelledError(dsn: PostgresDsn): AdapterError {
  return new AdapterError('cancelled', dsn.backend, 'The statement was cancelled', { code: '57014' });
}
