// A TLS handshake on an already negotiated socket, only to look at the server's certificate:
// does the chain verify (against the given CA or Node's default store) and does it name the host.
// Nothing is sent over it; it is closed at once.
import net from 'node:net';
import tls from 'node:tls';
import type { TlsProbe } from './adapter.js';

export type CertificateFacts = Pick<TlsProbe, 'verified' | 'verifyError' | 'hostMatches' | 'certificate'>;

export function inspectCertificate(socket: net.Socket, host: string, ca: string | null, timeoutMs: number): Promise<CertificateFacts> {
  return new Promise((resolve) => {
    const secure = tls.connect({
      socket,
      servername: net.isIP(host) ? undefined : host,
      rejectUnauthorized: false,
      ...(ca !== null ? { ca } : {}),
    });
    const timer = setTimeout(
      () => finish({ verified: null, verifyError: 'the TLS handshake did not finish in time', hostMatches: null, certificate: null }),
      timeoutMs,
    );
    function finish(facts: CertificateFacts): void {
      clearTimeout(timer);
      secure.destroy();
      resolve(facts);
    }
    secure.once('secureConnect', () => {
      const peer = secure.getPeerCertificate();
      const identity = peer && Object.keys(peer).length > 0 ? tls.checkServerIdentity(host, peer) : new Error('no certificate');
      const error = secure.authorizationError;
      finish({
        verified: secure.authorized,
        verifyError: secure.authorized
          ? null
          : String(typeof error === 'string' ? error : ((error as { code?: string } | null)?.code ?? error ?? 'unknown')),
        hostMatches: identity === undefined,
        certificate: peer && peer.subject ? { subject: name(peer.subject), issuer: name(peer.issuer), validTo: peer.valid_to } : null,
      });
    });
    secure.once('error', (error) =>
      finish({ verified: false, verifyError: (error as { code?: string }).code ?? error.message, hostMatches: null, certificate: null }),
    );
  });
}

function name(entity: tls.Certificate | undefined): string {
  if (!entity) return '';
  const cn = entity.CN;
  return Array.isArray(cn)
    ? cn.join(', ')
    : (cn ??
        Object.entries(entity)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(', '));
}
