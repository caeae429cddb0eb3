// Server settings sent at connection start, as the `options` startup parameter (`-c key=value`),
// the way pgx sends every unknown DSN parameter. node-postgres drops unknown URL parameters.
import type { PostgresDsn } from '../../dsn/types.js';

/** The server splits `options` on whitespace; a backslash keeps the next character literal. */
export function escapeOptionWord(word: string): string {
  return word.replace(/[\\\s]/g, (ch) => `\\${ch}`);
}

/** Settings in DSN order, search_path included; application names go in their own fields. */
export function serverSettings(dsn: PostgresDsn): [string, string][] {
  const settings: [string, string][] = [];
  if (dsn.searchPath !== null) settings.push(['search_path', dsn.searchPath]);
  for (const [key, value] of Object.entries(dsn.serverSettings)) {
    if (key === 'search_path' && dsn.searchPath !== null) continue;
    settings.push([key, value]);
  }
  return settings;
}

/**
 * libpq's own `options` parameter first (as given), then `-c search_path=app -c statement_timeout=5000`;
 * undefined when there is nothing to send.
 */
export function startupOptions(dsn: PostgresDsn): string | undefined {
  const words = serverSettings(dsn).map(([key, value]) => `-c ${escapeOptionWord(`${key}=${value}`)}`);
  if (dsn.startupOptions) words.unshift(dsn.startupOptions);
  return words.length > 0 ? words.join(' ') : undefined;
}
