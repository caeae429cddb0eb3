// MySQL/MariaDB DATETIME and TIMESTAMP values on screen. A DATETIME has no time zone and the
// server sends a TIMESTAMP already in the session's time zone; the adapter adds `loc`'s offset
// (`Z` in UTC) because the Go driver hands the service a time.Time in `loc` (DSN-SEMANTICS.md),
// which is right for output formats a script compares with the service, but on screen it claims a
// zone the value does not have. The console shows the server's own text instead:
// `2020-01-01 10:00:00`, with fractional seconds only when the column has them (the server sends
// as many digits as the column's precision).

/** Column types (as the MySQL adapter names them) whose values carry no zone of their own */
const ZONE_LESS_TYPES = new Set(['DATETIME', 'TIMESTAMP']);
const ISO_DATE_TIME = /^(\d{4,}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)(?:Z|[+-]\d{2}:\d{2})?$/;

/** `text` as the server wrote it when `columnType` is a zone-less date-time; otherwise unchanged. */
export function wallClockText(text: string, columnType: string | undefined): string {
  if (columnType === undefined || !ZONE_LESS_TYPES.has(columnType)) return text;
  const match = ISO_DATE_TIME.exec(text);
  return match ? `${match[1]} ${match[2]}` : text;
}
