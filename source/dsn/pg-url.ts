// The part of a postgres:// URL before its query, read as Go's net/url.Parse and pgx's
// parseURLSettings read it: the authority ends at the first "/", the credentials at the last "@"
// (only URL-safe characters, percent-decoded), hosts are a comma list where only the last may be
// followed by a port unless all are (Go checks the text after the LAST ":"), IP addresses and
// names without ":" take no port, and every leading "/" of the decoded path is dropped.
import { DsnError } from './errors.js';
import { percentDecode } from './percent-decode.js';

export interface PgUrlParts {
  /** null when the URL has no "@" (pgx then keeps its default user) */
  user: string | null;
  password: string | null;
  /** comma lists as pgx stores them; null when the URL names none */
  host: string | null;
  port: string | null;
  /** null when the path is empty */
  database: string | null;
}

/** Go's validUserinfo: RFC 3986 unreserved and sub-delims, plus ":" "@" "%". */
const USERINFO_CHARS = /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/;
/** What Go's URL parser accepts unescaped in a host (shouldEscape in encodeHost mode). */
const HOST_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:[\]<>"%]*$/;

export function readPgUrl(hostPath: string, bodyOffset: number): PgUrlParts {
  const slash = hostPath.indexOf('/');
  const authority = slash === -1 ? hostPath : hostPath.slice(0, slash);
  const at = authority.lastIndexOf('@');
  const parts: PgUrlParts = { user: null, password: null, host: null, port: null, database: null };
  if (at !== -1) readUserinfo(authority.slice(0, at), bodyOffset, parts);
  readHosts(authority.slice(at + 1), bodyOffset + at + 1, parts);
  const rawPath = slash === -1 ? '' : hostPath.slice(slash);
  const path = percentDecode(rawPath, { what: 'the database name', param: 'database', offset: bodyOffset + slash });
  const database = path.replace(/^\/+/, '');
  parts.database = database === '' ? null : database;
  return parts;
}

function readUserinfo(userinfo: string, offset: number, parts: PgUrlParts): void {
  if (!USERINFO_CHARS.test(userinfo)) {
    throw new DsnError(
      'malformed',
      'The user name or password contains a character a URL cannot hold unescaped (Go\'s URL parser refuses it: "invalid userinfo").',
      'Percent-encode spaces, non-ASCII letters and characters such as " < > [ ] ^ ` { | } \\ in user names and passwords (encodeURIComponent does this).',
      'user',
      offset,
    );
  }
  const colon = userinfo.indexOf(':');
  parts.user = percentDecode(colon === -1 ? userinfo : userinfo.slice(0, colon), {
    what: 'the user name',
    param: 'user',
    offset,
    secret: true,
  });
  if (colon !== -1)
    parts.password = percentDecode(userinfo.slice(colon + 1), {
      what: 'the password',
      param: 'password',
      offset: offset + colon + 1,
      secret: true,
    });
}

function readHosts(hostText: string, offset: number, parts: PgUrlParts): void {
  if (hostText === '') return;
  checkGoHost(hostText, offset);
  const hosts: string[] = [];
  const ports: string[] = [];
  for (const piece of hostText.split(',')) {
    if (piece === '') continue;
    if (isIpOnly(piece)) {
      hosts.push(decodeHost(piece.replace(/^\[|\]$/g, ''), offset));
      continue;
    }
    const { host, port } = splitGoHostPort(piece, offset);
    if (host !== '') hosts.push(decodeHost(host, offset));
    if (port !== '') ports.push(port);
  }
  if (hosts.length > 0) parts.host = hosts.join(',');
  if (ports.length > 0) parts.port = ports.join(',');
}

/** Go's parseHost on the whole host text (all hosts at once, as net/url sees one host). */
function checkGoHost(hostText: string, offset: number): void {
  let afterHost = hostText;
  if (hostText.startsWith('[')) {
    const close = hostText.indexOf(']');
    if (close === -1)
      throw new DsnError(
        'bad_host',
        'An IPv6 address in the host has no closing "]".',
        'Write IPv6 hosts in brackets: [::1]:5432.',
        'host',
        offset,
      );
    afterHost = hostText.slice(close + 1);
    if (afterHost !== '' && !afterHost.startsWith(':')) {
      throw new DsnError(
        'bad_host',
        "Unexpected text after the bracketed IPv6 address (Go's URL parser refuses it).",
        'Write IPv6 hosts as [address]:port; several hosts as h1:5432,h2:5432 (brackets only around a single IPv6 host).',
        'host',
        offset + close + 1,
      );
    }
  }
  const colon = afterHost.lastIndexOf(':');
  if (colon !== -1 && !/^\d*$/.test(afterHost.slice(colon + 1))) {
    throw new DsnError(
      'bad_port',
      'The text after the last ":" of the host is not a port number (Go\'s URL parser checks only the last ":", so with several hosts either every host or only the last one has a port).',
      'Write the port as digits (:5432); with several hosts write h1:5432,h2:5432. If the password contains "/", "?" or "#", percent-encode them (%2F, %3F, %23).',
      'port',
      offset,
    );
  }
  if (!HOST_CHARS.test(hostText)) {
    throw new DsnError(
      'bad_host',
      "The host contains a character Go's URL parser refuses in a host name (a space, or one of { } | \\ ^ `).",
      'Give a host name, an IPv4 address or a bracketed IPv6 address.',
      'host',
      offset,
    );
  }
}

/** pgx's isIPOnly: an IP address (brackets removed) or a name without ":" takes no port. */
function isIpOnly(piece: string): boolean {
  return isIp(piece.replace(/^\[|\]$/g, '')) || !piece.includes(':');
}

function isIp(text: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) return text.split('.').every((octet) => Number(octet) <= 255);
  if (!text.includes(':') || !/^[0-9A-Fa-f:.]+$/.test(text)) return false;
  const groups = text.split('::');
  if (groups.length > 2) return false;
  const count = (part: string) => (part === '' ? 0 : part.split(':').reduce((sum, group) => sum + (group.includes('.') ? 2 : 1), 0));
  const valid = (part: string) =>
    part === '' || part.split(':').every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group) || /^\d{1,3}(\.\d{1,3}){3}$/.test(group));
  if (!groups.every(valid)) return false;
  const total = groups.reduce((sum, part) => sum + count(part), 0);
  return groups.length === 2 ? total < 8 : total === 8;
}

/** net.SplitHostPort for one host of the list. */
function splitGoHostPort(piece: string, offset: number): { host: string; port: string } {
  if (piece.startsWith('[')) {
    const close = piece.indexOf(']');
    if (close === -1 || (piece.length > close + 1 && piece[close + 1] !== ':')) {
      throw new DsnError(
        'bad_host',
        'A bracketed IPv6 host is not followed by ":port".',
        'Write IPv6 hosts as [address]:port.',
        'host',
        offset,
      );
    }
    return { host: piece.slice(1, close), port: piece.slice(close + 2) };
  }
  const colon = piece.lastIndexOf(':');
  if (piece.indexOf(':') !== colon) {
    throw new DsnError(
      'bad_host',
      'A host looks like an IPv6 address with a port but without brackets ("too many colons").',
      'Write IPv6 hosts in brackets: [::1]:5432.',
      'host',
      offset,
    );
  }
  return { host: piece.slice(0, colon), port: piece.slice(colon + 1) };
}

/** Go unescapes hosts, but refuses %XX for ASCII bytes there (so %2F cannot make a socket path). */
function decodeHost(host: string, offset: number): string {
  const ascii = /%([0-7][0-9A-Fa-f])/.exec(host);
  if (ascii) {
    throw new DsnError(
      'bad_host',
      `The host contains the escape %${ascii[1]}: Go's URL parser refuses percent-escaped ASCII in host names (libpq would accept it).`,
      "Give a Unix socket directory as ?host=/var/run/postgresql instead of in the URL's host.",
      'host',
      offset,
    );
  }
  return percentDecode(host, { what: 'the host', param: 'host', offset });
}
