// The entry point: DSN text → a typed, backend-specific description. Throws only DsnError, for
// any input. Pure: the CPU count for pool defaults is passed in (or read once from `os`).
import { availableParallelism } from 'node:os';
import { DsnError } from './errors.js';
import { parseMysql } from './parse-mysql.js';
import { parsePostgres } from './parse-postgres.js';
import { parseMemory, parseSqlite } from './parse-sqlite.js';
import { redactDsn } from './redact.js';
import { MEMORY_DSN, findScheme, supportedSchemesText } from './schemes.js';
import type { ParsedDsn } from './types.js';

export { redactDsn } from './redact.js';

export interface ParseDsnOptions {
  /** CPU cores for the pool defaults (max_conns = 2 × cores, max_idle_conns = cores). */
  cpuCount?: number;
}

export function parseDsn(dsn: string, options: ParseDsnOptions = {}): ParsedDsn {
  try {
    return parseDsnUnsafe(dsn, options);
  } catch (error) {
    if (error instanceof DsnError) throw error;
    // A bug in the parser must still surface as a DsnError, never as another exception.
    throw new DsnError('malformed', `The DSN could not be read (${error instanceof Error ? error.message : String(error)}).`, 'Check the DSN against the examples in `dsnsh dsn explain --help`.');
  }
}

function parseDsnUnsafe(dsn: string, options: ParseDsnOptions): ParsedDsn {
  if (typeof dsn !== 'string' || dsn.trim() === '') {
    throw new DsnError('empty', 'The DSN is empty.', 'Give a DSN such as memory, sqlite:///tmp/db.sqlite?_fk=true or postgres://user:password@host:5432/db.');
  }
  const cpuCount = Math.max(1, Math.floor(options.cpuCount ?? availableParallelism()));
  if (dsn === MEMORY_DSN) return parseMemory(cpuCount);
  if (dsn.trim() !== dsn) {
    throw new DsnError('malformed', 'The DSN starts or ends with white space.', 'Remove the surrounding spaces or newline (a trailing newline often comes from a file or a secret).', null, /^\s/.test(dsn) ? 0 : dsn.trimEnd().length);
  }
  const separator = dsn.indexOf('://');
  const schemeText = separator === -1 ? null : dsn.slice(0, separator);
  const scheme = schemeText === null ? undefined : findScheme(schemeText);
  if (!scheme) {
    const named = schemeText === null || /[^A-Za-z0-9+.-]/.test(schemeText) ? 'The DSN does not start with a scheme' : `The scheme "${schemeText}" is not supported`;
    const isMemoryVariant = dsn.toLowerCase().startsWith('memory');
    throw new DsnError(
      'unknown_scheme',
      `${named}.`,
      isMemoryVariant ? 'The in-memory database is the whole DSN "memory", without parameters.' : `Use one of: ${supportedSchemesText()}.`,
      null,
      0,
    );
  }
  const redacted = redactDsn(dsn);
  const bodyOffset = separator + 3;
  switch (scheme.backend) {
    case 'sqlite':
    case 'memory':
      return parseSqlite(dsn, bodyOffset, cpuCount, redacted);
    case 'postgres':
    case 'cockroach':
      return parsePostgres(dsn, scheme, bodyOffset, cpuCount, redacted);
    case 'mysql':
      return parseMysql(dsn, bodyOffset, cpuCount, redacted);
  }
}
