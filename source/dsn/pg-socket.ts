// pgx's isAbsolutePath: a host beginning with "/" (or a Windows drive, C:\) is the directory of
// a Unix socket, DIR/.s.PGSQL.PORT; pgx never uses TLS there.
export function isPgSocket(host: string): boolean {
  return host.startsWith('/') || /^[A-Za-z]:\\/.test(host);
}

export function pgSocketPath(host: string, port: number): string {
  return `${host.replace(/[/\\]+$/, '')}/.s.PGSQL.${port}`;
}
