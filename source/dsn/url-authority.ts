// Splits the `user:password@host:port` part of a URL-form DSN (postgres, cockroach, URL-style
// mysql) the way Go's net/url does: the last `@` ends the credentials, the first `:` splits user
// from password, `[…]` brackets an IPv6 host. Credentials are percent-decoded.
import { DsnError } from './errors.js';
import { percentDecode } from './percent-decode.js';

export interface Authority {
  user: string | null;
  password: string | null;
  /** decoded, brackets removed; null when empty */
  host: string | null;
  /** null when absent or empty */
  port: number | null;
}

export function splitAuthority(authority: string, offset: number): Authority {
  const at = authority.lastIndexOf('@');
  let user: string | null = null;
  let password: string | null = null;
  if (at !== -1) {
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    const rawUser = colon === -1 ? userinfo : userinfo.slice(0, colon);
    user = percentDecode(rawUser, { what: 'the user name', param: 'user', offset });
    if (colon !== -1)
      password = percentDecode(userinfo.slice(colon + 1), {
        what: 'the password',
        param: 'password',
        offset: offset + colon + 1,
        secret: true,
      });
  }
  const hostOffset = offset + at + 1;
  const { host, port } = splitHostPort(authority.slice(at + 1), hostOffset);
  return { user: user === '' && password === null ? null : user, password, host, port };
}

/** `host`, `host:port`, `[v6]` or `[v6]:port`; errors name the parameter `host` or `port`. */
export function splitHostPort(hostPort: string, offset: number): { host: string | null; port: number | null } {
  const param = 'host';
  if (hostPort.includes(',')) {
    throw new DsnError(
      'bad_host',
      `Several hosts are given ("${hostPort}"); dsnsh connects to one.`,
      'Give a single host[:port].',
      param,
      offset,
    );
  }
  let rawHost: string;
  let rawPort: string | null = null;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close === -1)
      throw new DsnError(
        'bad_host',
        `The IPv6 address in "${hostPort}" has no closing "]".`,
        'Write IPv6 hosts in brackets: [::1]:5432.',
        param,
        offset,
      );
    rawHost = hostPort.slice(1, close);
    const after = hostPort.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) {
      throw new DsnError(
        'bad_host',
        `Unexpected "${after}" after the IPv6 address in "${hostPort}".`,
        'Write IPv6 hosts as [address]:port.',
        param,
        offset + close + 1,
      );
    }
    if (after.startsWith(':')) rawPort = after.slice(1);
    if (rawHost === '')
      throw new DsnError(
        'bad_host',
        'The IPv6 address between "[" and "]" is empty.',
        'Write IPv6 hosts in brackets: [::1]:5432.',
        param,
        offset,
      );
  } else {
    const colon = hostPort.lastIndexOf(':');
    rawHost = colon === -1 ? hostPort : hostPort.slice(0, colon);
    if (colon !== -1) rawPort = hostPort.slice(colon + 1);
    if (rawHost.includes(':')) {
      throw new DsnError(
        'bad_host',
        `The host "${hostPort}" looks like an IPv6 address without brackets.`,
        'Write IPv6 hosts in brackets: [::1]:5432.',
        param,
        offset,
      );
    }
    if (/[\s/\\()[\]<>"'{}|^`]/.test(rawHost)) {
      throw new DsnError(
        'bad_host',
        `The host "${rawHost}" contains characters a host name cannot have.`,
        'Give a host name, an IPv4 address or a bracketed IPv6 address.',
        param,
        offset,
      );
    }
  }
  const host = percentDecode(rawHost, { what: 'the host', param, offset });
  return { host: host === '' ? null : host, port: rawPort === null || rawPort === '' ? null : parsePort(rawPort, offset, 'port') };
}

export function parsePort(text: string, offset: number | null, param: string | null): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw new DsnError(
      'bad_port',
      `The port "${text}" is not a number from 1 to 65535.`,
      'Write the port as digits, e.g. :5432.',
      param,
      offset,
    );
  }
  return port;
}
