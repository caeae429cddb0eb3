// Doctor's lines about the server itself: what it offers for TLS (whatever the DSN says), the
// advice that follows, and Ory's migration preflight.
import type { DoctorReport } from './doctor-checks.js';

export function serverLines(report: DoctorReport): Array<[string, string]> {
  const lines: Array<[string, string]> = [];
  const tls = report.probe?.tls;
  if (report.probe && tls && tls.offered !== null) {
    const parts: string[] = [];
    if (!tls.offered) parts.push('not offered');
    else {
      const cert = tls.certificate
        ? ` (${tls.certificate.subject}, issued by ${tls.certificate.issuer}, valid to ${tls.certificate.validTo})`
        : '';
      parts.push(`offered${cert}`);
      if (tls.verified === true)
        parts.push(tls.hostMatches === false ? 'certificate verifies but does not name the host' : 'certificate verifies');
      else if (tls.verified === false) parts.push(`certificate does not verify (${tls.verifyError ?? 'unknown'})`);
      if (tls.requiredByServer === true) parts.push('plaintext refused');
      else if (tls.requiredByServer === false) parts.push('plaintext accepted too');
    }
    lines.push(['server tls', `${parts.join('; ')}${tls.requiredDetail && tls.offered ? ` (${tls.requiredDetail})` : ''}`]);
  }
  for (const advice of report.tlsAdvice ?? []) lines.push(['tls advice', advice]);
  for (const check of report.preflight ?? []) {
    lines.push([
      `ory ${check.service}`,
      check.ok ? `${check.migration}: ok (${check.detail})` : `${check.migration} FAILS here: ${check.detail}; fix: ${check.fix}`,
    ]);
  }
  return lines;
}
