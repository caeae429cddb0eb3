// Why a connection failed, in one word and one fix: DNS, refused, timeout, authentication, TLS
// required by the server, TLS not offered, a certificate that does not verify, a missing
// database, too many clients, the wrong protocol. Reads the failure together with what the probe
// learned of the server (probe-server.ts), since the driver's message alone often hides it.
// What differs between backends (addresses, TLS words, fixes) comes from each backend's descriptor
// `server` (adapters/NAME/NAME-server.ts).
import { AdapterError } from '../adapters/adapter-error.js';
import type { ServerProbe } from '../adapters/adapter.js';
import { descriptorFor, wireSpeaking } from '../adapters/backend-descriptors.js';
import type { ParsedDsn } from '../dsn/types.js';

export type FailureCause =
  | 'dns'
  | 'refused'
  | 'timeout'
  | 'unreachable'
  | 'no-socket'
  | 'wrong-protocol'
  | 'too-many-clients'
  | 'blocked-host'
  | 'tls-required'
  | 'tls-not-offered'
  | 'tls-unverifiable'
  | 'tls-host-mismatch'
  | 'tls-client-certificate'
  | 'missing-database'
  | 'auth'
  | 'other';

export interface Diagnosis {
  cause: FailureCause;
  explanation: string;
  fix: string;
}

interface Failure {
  code: string;
  message: string;
  kind: string;
}

function failureOf(error: unknown): Failure {
  const cause = error instanceof AdapterError ? error.cause : error;
  const causeCode = cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string' ? cause.code : '';
  const code = error instanceof AdapterError && error.code ? error.code : causeCode;
  return {
    code: code || causeCode,
    message: error instanceof Error ? error.message : String(error),
    kind: error instanceof AdapterError ? error.kind : 'other',
  };
}

function address(dsn: ParsedDsn, probe: ServerProbe | null): string {
  return probe ? probe.address : descriptorFor(dsn).server.address(dsn);
}

function fromProbe(dsn: ParsedDsn, probe: ServerProbe): Diagnosis | null {
  const where = probe.address;
  if (probe.unreachable) {
    const { code } = probe.unreachable;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
      const host = where.slice(0, where.lastIndexOf(':'));
      return {
        cause: 'dns',
        explanation: `the host name "${host}" does not resolve here (${code})`,
        fix: "check the host in the DSN; in Kubernetes use the service's name (<service>.<namespace>.svc.cluster.local from another namespace)",
      };
    }
    if (code === 'ECONNREFUSED') {
      return {
        cause: 'refused',
        explanation: `nothing accepts connections at ${where} (ECONNREFUSED)`,
        fix: `check the port and that the server is running${descriptorFor(dsn).server.refusedHint(dsn, where)}`,
      };
    }
    if (code === 'ETIMEDOUT')
      return {
        cause: 'timeout',
        explanation: `${where} did not answer in time: packets are dropped on the way (ETIMEDOUT)`,
        fix: 'check the host, firewalls and Kubernetes NetworkPolicies between here and the server',
      };
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
      return {
        cause: 'unreachable',
        explanation: `no route to ${where} (${code})`,
        fix: 'check the host address and the network (VPN, cluster network)',
      };
    if (code === 'ENOENT')
      return {
        cause: 'no-socket',
        explanation: `no socket file at ${where}`,
        fix: 'check the socket path and that the server is running on this machine',
      };
    return null;
  }
  const { server } = descriptorFor(dsn);
  const heard = wireSpeaking(probe.protocol);
  if (server.wire !== null && heard !== null && heard.protocol !== server.wire.protocol) {
    const version = probe.greetingVersion ? `, ${probe.greetingVersion.replace(/^5\.5\.5-/, '')}` : '';
    return {
      cause: 'wrong-protocol',
      explanation: `the server at ${where} speaks ${heard.name}${version}, but the DSN is ${server.schemes[dsn.backend]}`,
      fix: heard.wrongProtocolFix,
    };
  }
  if (probe.refusal) return fromCode(probe.refusal.code, probe.refusal.message, dsn, where);
  return null;
}

function fromCode(code: string, message: string, dsn: ParsedDsn, where: string): Diagnosis | null {
  if (code === '53300' || code === '1040') {
    return {
      cause: 'too-many-clients',
      explanation: `the server at ${where} has no free connection slot (${message})`,
      fix: "see who holds the connections with `dsnsh sessions` (another target or a superuser login still works on PostgreSQL's reserved slots); lower max_conns × replicas or raise max_connections",
    };
  }
  if (code === '1129')
    return {
      cause: 'blocked-host',
      explanation: `the server blocks this host after too many interrupted connections (${message})`,
      fix: 'run FLUSH HOSTS (or mysqladmin flush-hosts) on the server, and raise max_connect_errors',
    };
  const { tls } = descriptorFor(dsn).server;
  if (tls !== null && ((code === '28000' && /no encryption/.test(message)) || code === '3159' || code === '4151')) {
    return {
      cause: 'tls-required',
      explanation: `the server requires TLS (${tls.requiredByRule}) but the DSN says ${tls.setting(dsn)}`,
      fix: tls.requiredFix,
    };
  }
  if (code === '3D000' || code === '1049') {
    return {
      cause: 'missing-database',
      explanation: `the database does not exist on the server at ${where} (${message})`,
      fix: 'create it (CREATE DATABASE …), or name an existing one after the last / in the DSN',
    };
  }
  return null;
}

function tlsDiagnosis(dsn: ParsedDsn, failure: Failure, probe: ServerProbe | null, where: string): Diagnosis | null {
  const { tls: settings } = descriptorFor(dsn).server;
  if (failure.kind !== 'tls' || settings === null) return null;
  if (probe?.tls.offered === false || /does not support SSL|HANDSHAKE_NO_SSL_SUPPORT/.test(`${failure.code} ${failure.message}`)) {
    return {
      cause: 'tls-not-offered',
      explanation: `the server at ${where} does not offer TLS, and ${settings.setting(dsn)} does not allow plaintext`,
      fix: 'enable TLS on the server, or (only on a trusted network) allow plaintext: sslmode=prefer / tls=preferred',
    };
  }
  if (/client certificate|certificate required/i.test(failure.message)) {
    return {
      cause: 'tls-client-certificate',
      explanation: `the server at ${where} requires a client certificate`,
      fix: 'add sslcert=/path/client.crt&sslkey=/path/client.key (signed by a CA the server trusts)',
    };
  }
  const tls = probe?.tls;
  const cert = tls?.certificate ? ` (certificate for ${tls.certificate.subject}, issued by ${tls.certificate.issuer})` : '';
  if (tls?.verified === true && tls.hostMatches === false) {
    return {
      cause: 'tls-host-mismatch',
      explanation: `the server's certificate${cert} does not name the host in the DSN`,
      fix: 'connect by a name the certificate holds, or use sslmode=verify-ca (checks the chain, not the name)',
    };
  }
  const why = tls?.verifyError ?? failure.code ?? '';
  return {
    cause: 'tls-unverifiable',
    explanation: `the server at ${where} offers TLS, but its certificate${cert} does not verify (${why || failure.message})`,
    fix: settings.unverifiableFix,
  };
}

export function diagnoseFailure(dsn: ParsedDsn, error: unknown, probe: ServerProbe | null): Diagnosis {
  const where = address(dsn, probe);
  const probed = probe ? fromProbe(dsn, probe) : null;
  if (probed) return probed;
  const failure = failureOf(error);
  const coded = fromCode(failure.code, failure.message, dsn, where);
  if (coded) return coded;
  const tls = tlsDiagnosis(dsn, failure, probe, where);
  if (tls) return tls;
  if (
    failure.kind === 'auth' ||
    failure.code === '28P01' ||
    failure.code === '28000' ||
    failure.code === '1045' ||
    failure.code === '1130'
  ) {
    const hba = failure.code === '28000' && /pg_hba/.test(failure.message);
    return {
      cause: 'auth',
      explanation: hba
        ? `pg_hba.conf has no rule that lets this client in (${failure.message})`
        : `the server at ${where} rejected the login (${failure.message})`,
      fix: hba
        ? 'add a pg_hba.conf line for this client address, user and database (and reload the server)'
        : "check the user and password in the DSN (percent-encode special characters in the password) and the user's host grants",
    };
  }
  if (failure.kind === 'timeout' || failure.code === 'ETIMEDOUT') {
    return {
      cause: 'timeout',
      explanation: `no connection to ${where} in time (${failure.message})`,
      fix: 'check the host and the network path; raise connect_timeout (PostgreSQL) or timeout (MySQL) if the server is slow to answer',
    };
  }
  const byCode =
    probe === null
      ? fromProbe(dsn, {
          address: where,
          unreachable: failure.code ? { code: failure.code, message: failure.message } : null,
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
            requiredDetail: null,
          },
        })
      : null;
  if (byCode) return byCode;
  return { cause: 'other', explanation: failure.message, fix: 'see the message above; `dsnsh dsn explain` shows how the DSN is read' };
}
