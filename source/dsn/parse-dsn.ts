// The entry point: DSN text → a typed, backend-specific description. Throws only DsnError, for
// any input, and no DsnError ever quotes text from the credentials. The CPU count and the
// environment (PG* variables, ~/.pgpass, service files) are passed in, or read from this process.
import { availableParallelism } from 'node:os';
import { processEnvironment, type DsnEnvironment } from './dsn-environment.js';
import { DsnError } from './errors.js';
import { moduleOfBackend } from '../adapters/backend-registry.js';
import { parseMemory } from './parse-sqlite.js';
import { redactDsn } from './redact.js';
import { withoutCredentialText } from './scrub-credentials.js';
import { MEMORY_DSN, findScheme, supportedSchemesText, wrongCaseConsequence } from './schemes.js';
import type { ParsedDsn } from './types.js';

export { redactDsn } from './redact.js';

export interface ParseDsnOptions {
  /** CPU cores for the pool defaults (max_conns = 2 × cores, max_idle_conns = cores). */
  cpuCount?: number;
  /** Where PostgreSQL DSNs find their defaults; this process's by default. */
  environment?: DsnEnvironment;
}

export function parseDsn(dsn: string, options: ParseDsnOptions = {}): ParsedDsn {
  try {
    return parseDsnUnsafe(dsn, options);
  } catch (error) {
    if (error instanceof DsnError) throw withoutCredentialText(error, dsn);
    // A bug in the parser must still surface as a DsnError, never as another exception.
    throw withoutCredentialText(
      new DsnError(
        'malformed',
        `The DSN could not be read (${error instanceof Error ? error.message : String(error)}).`,
        'Check the DSN against the examples in `dsnsh dsn explain --help`.',
      ),
      dsn,
    );
  }
}

function parseDsnUnsafe(dsn: string, options: ParseDsnOptions): ParsedDsn {
  if (typeof dsn !== 'string' || dsn.trim() === '') {
    throw new DsnError(
      'empty',
      'The DSN is empty.',
      'Give a DSN such as memory, sqlite:///tmp/db.sqlite?_fk=true or postgres://user:password@host:5432/db.',
    );
  }
  const cpuCount = Math.max(1, Math.floor(options.cpuCount ?? availableParallelism()));
  if (dsn === MEMORY_DSN) return parseMemory(cpuCount);
  if (dsn.trim() !== dsn) {
    throw new DsnError(
      'malformed',
      'The DSN starts or ends with white space.',
      'Remove the surrounding spaces or newline (a trailing newline often comes from a file or a secret).',
      null,
      /^\s/.test(dsn) ? 0 : dsn.trimEnd().length,
    );
  }
  const separator = dsn.indexOf('://');
  const schemeText = separator === -1 ? null : dsn.slice(0, separator);
  const scheme = schemeText === null ? undefined : findScheme(schemeText);
  if (!scheme) throw unknownScheme(dsn, schemeText);
  const redacted = redactDsn(dsn);
  const bodyOffset = separator + 3;
  // Each backend's module reads its own DSNs (adapters/NAME/NAME-module.ts).
  return moduleOfBackend(scheme.backend).parse(dsn, scheme, {
    bodyOffset,
    cpuCount,
    redacted,
    environment: () => options.environment ?? processEnvironment(),
  });
}

function unknownScheme(dsn: string, schemeText: string | null): DsnError {
  if (dsn.toLowerCase() === MEMORY_DSN) {
    return new DsnError(
      'unknown_scheme',
      `"${dsn}" is not the in-memory DSN: Ory's services recognise only "memory" in lower case.`,
      'Write memory.',
      null,
      0,
    );
  }
  const consequence = schemeText === null ? null : wrongCaseConsequence(schemeText);
  if (consequence !== null) {
    return new DsnError(
      'unknown_scheme',
      `The scheme "${schemeText}" is not accepted: Ory's scheme checks are case-sensitive, and ${consequence}.`,
      `Write the scheme in lower case: ${schemeText!.toLowerCase()}://`,
      null,
      0,
    );
  }
  const named =
    schemeText === null || /[^A-Za-z0-9+.-]/.test(schemeText)
      ? 'The DSN does not start with a scheme'
      : `The scheme "${schemeText}" is not supported`;
  const isMemoryVariant = dsn.toLowerCase().startsWith('memory');
  return new DsnError(
    'unknown_scheme',
    `${named}.`,
    isMemoryVariant ? 'The in-memory database is the whole DSN "memory", without parameters.' : `Use one of: ${supportedSchemesText()}.`,
    null,
    0,
  );
}
