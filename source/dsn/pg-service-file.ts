// pg_service.conf as pgx reads it (jackc/pgservicefile): `[name]` sections of `key=value` lines,
// `#` comments and blank lines ignored, spaces around keys and values trimmed; a line outside a
// section or without "=" makes the whole file unreadable. pgx reads only the file named by
// servicefile / PGSERVICEFILE (default ~/.pg_service.conf), not a system-wide one.

export type ServiceFile = Map<string, Map<string, string>>;

export function parseServiceFile(text: string): ServiceFile | { error: string } {
  const services: ServiceFile = new Map();
  let current: Map<string, string> | null = null;
  const lines = text.split(/\r?\n/);
  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('[') && line.endsWith(']')) {
      current = new Map();
      services.set(line.slice(1, -1), current);
    } else if (current !== null) {
      const equals = line.indexOf('=');
      if (equals === -1) return { error: `line ${index + 1} is not key=value` };
      current.set(line.slice(0, equals).trim(), line.slice(equals + 1).trim());
    } else {
      return { error: `line ${index + 1} is not in a [section]` };
    }
  }
  return services;
}
