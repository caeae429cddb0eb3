import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DsnError } from '../../source/dsn/errors.js';
import { parseDsn, redactDsn } from '../../source/dsn/parse-dsn.js';
import { explainJson } from '../../source/noninteractive/explain-json.js';
import { explainText } from '../../source/noninteractive/explain-text.js';
import type { MysqlDsn, PostgresDsn, SqliteDsn } from '../../source/dsn/types.js';
import { mysqlCase, pgCase, sqliteCase } from './dsn-arbitraries.js';
import { fixedEnvironment } from './fixed-environment.js';

// No PG* variables, OS user "osuser", no socket directory: the generated DSN alone decides.
const OPTIONS = { cpuCount: 2, environment: fixedEnvironment() };

const RUNS = { numRuns: 400 };

function parsesOrThrowsDsnError(text: string): void {
  try {
    parseDsn(text, OPTIONS);
  } catch (error) {
    if (!(error instanceof DsnError)) throw new Error(`non-DsnError for ${JSON.stringify(text)}: ${String(error)}`);
    // parseDsn wraps its own bugs as "could not be read"; those must not happen either.
    if (error.message.startsWith('The DSN could not be read')) throw new Error(`parser bug for ${JSON.stringify(text)}: ${error.message}`);
  }
}

/** Every place a password could leak to: the redacted DSN, explain's JSON and text. */
function outputsOf(dsn: string): string[] {
  const parsed = parseDsn(dsn, OPTIONS);
  return [parsed.redacted, redactDsn(dsn), JSON.stringify(explainJson(parsed)), explainText(parsed), ...parsed.warnings];
}

function expectHidden(dsn: string, secret: string, encodings: string[]): void {
  for (const output of outputsOf(dsn)) {
    for (const form of [secret, ...encodings]) expect(output).not.toContain(form);
  }
}

describe('parseDsn properties', () => {
  it('returns a result or throws a DsnError for arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), parsesOrThrowsDsnError), { numRuns: 2000 });
  });

  it('returns a result or throws a DsnError for arbitrary text after every scheme', () => {
    const prefix = fc.constantFrom(
      'memory',
      'sqlite://',
      'sqlite3://',
      'postgres://',
      'postgresql://',
      'cockroach://',
      'crdb://',
      'mysql://',
      'mysql://u:p@tcp(',
      'postgres://u:p@[',
      'sqlite://file:',
    );
    const tail = fc.string({
      unit: fc.constantFrom(
        ...'abc:/@?&=%#[]()+,.-_ 019µ'.split(''),
        'ä',
        '\u0000',
        '%zz',
        '%41',
        '_fk',
        '_pragma=',
        'tcp',
        'unix',
        'max_conns=',
      ),
      maxLength: 40,
    });
    fc.assert(
      fc.property(prefix, tail, (head, rest) => parsesOrThrowsDsnError(head + rest)),
      { numRuns: 3000 },
    );
  });

  it('recovers every component of generated PostgreSQL/CockroachDB DSNs', () => {
    fc.assert(
      fc.property(pgCase, (c) => {
        const parsed = parseDsn(c.dsn, OPTIONS) as PostgresDsn;
        expect(parsed.user).toBe(c.user);
        expect(parsed.password).toBe(c.password);
        expect(parsed.host).toBe(c.host);
        // pop rewrites cockroach:// to postgres://, so every scheme defaults to 5432.
        expect(parsed.port).toBe(c.port ?? 5432);
        expect(parsed.database).toBe(c.database);
        expect(parsed.serverSettings).toEqual(c.settings);
        expect(parsed.params).toEqual(c.settings);
      }),
      RUNS,
    );
  });

  it('recovers every component of generated Go MySQL DSNs (passwords with :@/ unescaped)', () => {
    fc.assert(
      fc.property(mysqlCase, (c) => {
        const parsed = parseDsn(c.dsn, OPTIONS) as MysqlDsn;
        expect(parsed.user).toBe(c.user);
        expect(parsed.password).toBe(c.password);
        expect(parsed.protocol).toBe(c.address.protocol);
        if (c.address.protocol === 'tcp') {
          expect(parsed.host).toBe(c.address.host);
          expect(parsed.port).toBe(c.address.port ?? 3306);
        } else expect(parsed.socket).toBe(c.address.socket);
        expect(parsed.database).toBe(c.database);
        expect(parsed.systemVariables).toEqual(c.variables);
        expect(parsed.urlStyle).toBe(false);
      }),
      RUNS,
    );
  });

  it('recovers generated SQLite DSNs and warns exactly when foreign keys are turned off', () => {
    fc.assert(
      fc.property(sqliteCase, (c) => {
        const parsed = parseDsn(c.dsn, OPTIONS) as SqliteDsn;
        expect(parsed.path).toBe(c.path);
        // pop adds _fk=true when the DSN has none.
        const fkOn = c.fk === null || ['true', '1', 'yes', 'on'].includes(c.fk.toLowerCase());
        expect(parsed.pragmas.some((p) => p.name === 'foreign_keys' && p.value === '1')).toBe(fkOn);
        expect(parsed.warnings.some((w) => w.includes('FOREIGN KEYS ARE OFF'))).toBe(!fkOn);
        if (c.journal !== null) expect(parsed.pragmas).toContainEqual({ name: 'journal_mode', value: c.journal.toUpperCase() });
      }),
      RUNS,
    );
  });

  it('never shows the password (PostgreSQL)', () => {
    fc.assert(
      fc.property(pgCase, (c) => {
        fc.pre(c.password !== null);
        const pw = c.password!;
        expectHidden(c.dsn, pw, [encodeURIComponent(pw)]);
      }),
      RUNS,
    );
  });

  it('never shows the password (MySQL)', () => {
    fc.assert(
      fc.property(mysqlCase, (c) => {
        fc.pre(c.password !== null);
        expectHidden(c.dsn, c.password!, []);
      }),
      RUNS,
    );
  });

  it('never shows a password given as a query parameter', () => {
    fc.assert(
      fc.property(
        pgCase,
        fc.string({ minLength: 4, maxLength: 12 }).map((text) => `${text}@7Zk`),
        (c, secret) => {
          const dsn = `${c.dsn}${c.dsn.includes('?') ? '&' : '?'}password=${encodeURIComponent(secret)}`;
          expect((parseDsn(dsn, OPTIONS) as PostgresDsn).password).toBe(secret);
          expectHidden(dsn, secret, [encodeURIComponent(secret)]);
        },
      ),
      RUNS,
    );
  });
});
