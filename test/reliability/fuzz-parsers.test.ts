// Hostile input for the pure parsers: thousands of generated cases per property, bounded in time
// (fast-check stops starting new cases after the time limit, so a slow machine runs fewer).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DsnError } from '../../source/dsn/errors.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { MIGRATION_FILE_PATTERN, parseMigrationFileName } from '../../source/migrations/migration-file.js';
import { scanScript, splitStatements } from '../../source/sql/split-statements.js';
import type { Backend } from '../../source/dsn/types.js';

const BUDGET = { numRuns: 5000, interruptAfterTimeLimit: 8_000 };

/** Text built from the characters each grammar cares about, plus arbitrary code points. */
function grammarText(alphabet: string, extra: string[] = [], maxLength = 120): fc.Arbitrary<string> {
  const unit = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...alphabet.split(''), ...extra) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  );
  return fc.array(unit, { maxLength }).map((parts) => parts.join(''));
}

describe('DSN parser under hostile input', () => {
  const dsnText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc
      .tuple(
        fc.constantFrom(
          'memory',
          'sqlite://',
          'sqlite3://',
          'postgres://',
          'postgresql://',
          'cockroach://',
          'crdb://',
          'mysql://',
          'MYSQL://',
          'postgres://u:',
        ),
        grammarText(':/@?&=%#[]()+,.-_ 0123456789abcxyzµ\t\n\\\'"$', [
          '%00',
          '%zz',
          '%2F',
          '%40',
          'tcp(',
          'unix(',
          '[::1]',
          '_fk=',
          '_pragma=',
          'sslmode=',
          'max_conns=',
          'connect_timeout=',
          '${X}',
          'timeout=',
          '1m30s',
          '99999999999999999999',
        ]),
      )
      .map(([head, tail]) => head + tail),
  );

  it('only ever throws DsnError, with a message and a hint, and never hangs', () => {
    fc.assert(
      fc.property(dsnText, (text) => {
        try {
          parseDsn(text, { cpuCount: 2 });
        } catch (error) {
          if (!(error instanceof DsnError)) throw new Error(`not a DsnError for ${JSON.stringify(text)}: ${String(error)}`);
          expect(error.message.length).toBeGreaterThan(0);
          expect(error.hint.length).toBeGreaterThan(0);
          // The catch-all for parser bugs would also be a DsnError: it must not be reached.
          expect(error.message).not.toMatch(/^The DSN could not be read/);
        }
      }),
      BUDGET,
    );
  });

  it('never echoes a percent-decoded password in an error message', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9]{12,20}$/).map((s) => `Pw${s}`);
    const tail = grammarText('?&=%[]()/:@#', ['sslmode=bogus', 'max_conns=x', 'port', '%zz'], 30);
    fc.assert(
      fc.property(secret, tail, fc.constantFrom('postgres', 'mysql'), (password, rest, kind) => {
        const text = kind === 'postgres' ? `postgres://app:${password}@db:5432/x${rest}` : `mysql://app:${password}@tcp(db:3306)/x${rest}`;
        try {
          const parsed = parseDsn(text, { cpuCount: 2 });
          expect(parsed.redacted).not.toContain(password);
          for (const warning of parsed.warnings) expect(warning).not.toContain(password);
        } catch (error) {
          expect(error).toBeInstanceOf(DsnError);
          expect((error as DsnError).message).not.toContain(password);
          expect((error as DsnError).hint).not.toContain(password);
        }
      }),
      BUDGET,
    );
  });
});

describe('SQL statement splitter under hostile input', () => {
  const dialects = fc.constantFrom<Backend>('postgres', 'cockroach', 'mysql', 'sqlite', 'memory');
  const script = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    grammarText(
      `ab1 ;'"\`$-#/*\\[]\n\r\t()EeBEGINDCASEATOMIC!+`,
      ['$$', '$tag$', '/*', '*/', '--', '/*!', 'BEGIN', 'END', 'CASE', 'CREATE TRIGGER t ', 'BEGIN ATOMIC', "E'", "\\'", "''"],
      200,
    ),
  );

  it('never throws; statements are ordered slices and everything between them is insignificant', () => {
    fc.assert(
      fc.property(script, dialects, (sql, dialect) => {
        const { statements } = scanScript(sql, dialect);
        let previousEnd = 0;
        for (const statement of statements) {
          expect(statement.start).toBeGreaterThanOrEqual(previousEnd);
          expect(statement.end).toBeGreaterThan(statement.start);
          expect(statement.end).toBeLessThanOrEqual(sql.length);
          expect(sql.slice(statement.start, statement.end)).toBe(statement.text);
          const before = sql.slice(0, statement.start);
          expect(statement.line).toBe(before.split('\n').length);
          expect(statement.column).toBe(statement.start - (before.lastIndexOf('\n') + 1) + 1);
          // A gap holds only blanks, comments and semicolons: split alone it yields no statement.
          expect(splitStatements(sql.slice(previousEnd, statement.start), dialect)).toEqual([]);
          previousEnd = statement.end;
        }
        // Only the last statement may lack its `;`.
        statements.slice(0, -1).forEach((statement) => expect(statement.terminated).toBe(true));
        expect(splitStatements(sql.slice(previousEnd), dialect).filter((s) => s.text.trim() !== '')).toEqual([]);
      }),
      BUDGET,
    );
  });

  it('handles long hostile scripts (deep nesting, many quotes) without throwing', () => {
    const piece = fc.constantFrom('/*', '*/', "'", '"', '$$', '$a$', 'BEGIN ', 'END;', ';', '(', ')', '\\', '--', '\n', 'x');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1000, maxLength: 5000 }), dialects, (pieces, dialect) => {
        const sql = pieces.join('');
        const statements = splitStatements(sql, dialect);
        for (const statement of statements) expect(sql.slice(statement.start, statement.end)).toBe(statement.text);
      }),
      { numRuns: 200, interruptAfterTimeLimit: 8_000 },
    );
  });
});

describe('migration file-name parser under hostile input', () => {
  const fileName = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    grammarText(
      '0123456789_.abcdsqlupwnz-/ \n',
      ['.sql', '.up', '.down', '.mysql', '.postgres', '.pg', '.crdb', '.sqlite3', '.autocommit', '.MySQL'],
      40,
    ),
  );

  it('never throws; an accepted name rebuilds to itself, a rejected one is named in the message', () => {
    fc.assert(
      fc.property(fileName, (name) => {
        const result = parseMigrationFileName(name);
        if (result.ok) {
          const { version, name: base, dialectSuffix, autocommit, direction } = result.file;
          const rebuilt = `${version}_${base}${dialectSuffix ? `.${dialectSuffix}` : ''}${autocommit ? '.autocommit' : ''}.${direction}.sql`;
          expect(rebuilt).toBe(name);
          expect(MIGRATION_FILE_PATTERN.test(name)).toBe(true);
        } else {
          expect(result.message).toContain(name);
          expect(['not-sql', 'no-match', 'unknown-dialect']).toContain(result.reason);
        }
      }),
      BUDGET,
    );
  });
});
