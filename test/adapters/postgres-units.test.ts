// The PostgreSQL adapter's pure parts: libpq sslmode plans, startup options, value parsers,
// error classification. Table-driven; no server needed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { copyStatement } from '../../source/adapters/postgres/pg-copy-csv.js';
import { toAdapterError } from '../../source/adapters/postgres/pg-error-mapping.js';
import { productOf } from '../../source/adapters/postgres/pg-server-facts.js';
import { connectAttempts, stopsFurtherAttempts } from '../../source/adapters/postgres/pg-connect-plan.js';
import { planSsl } from '../../source/adapters/postgres/pg-ssl-options.js';
import { escapeOptionWord, startupOptions } from '../../source/adapters/postgres/pg-startup-options.js';
import { byteaHex, isoTimestamp, normalisingTypes } from '../../source/adapters/postgres/pg-value-types.js';
import { pgDsn } from '../helpers/pg-dsn.js';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const dir = mkdtempSync(join(tmpdir(), 'dsnsh-pg-units-'));
const caFile = join(dir, 'ca.pem');
writeFileSync(caFile, PEM);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('planSsl (sslmode as pgx builds its tls.Config: pgconn/config.go configTLS)', () => {
  const cases = [
    // mode, rootcert, first transport, fallback, verifies chain, verifies host
    ['disable', null, 'plain', null, false, false],
    ['allow', null, 'plain', 'tls', false, false],
    ['prefer', null, 'tls', 'plain', false, false],
    ['require', null, 'tls', null, false, false],
    ['require', caFile, 'tls', null, true, false],
    // pgx: allow and prefer set InsecureSkipVerify, whatever sslrootcert says
    ['prefer', caFile, 'tls', 'plain', false, false],
    ['verify-ca', caFile, 'tls', null, true, false],
    ['verify-full', caFile, 'tls', null, true, true],
  ] as const;
  it.each(cases)('%s with sslrootcert=%s', (mode, rootCert, first, fallback, chain, host) => {
    const plan = planSsl(pgDsn({ sslmode: mode, sslrootcert: rootCert }));
    const kind = (choice: unknown) => (choice === null ? null : choice === false ? 'plain' : 'tls');
    expect([kind(plan.first), kind(plan.fallback), plan.verifiesChain, plan.verifiesHost]).toEqual([first, fallback, chain, host]);
    const tls = plan.first === false ? plan.fallback : plan.first;
    if (tls) {
      expect(tls.rejectUnauthorized).toBe(chain);
      expect(tls.ca).toBe(chain && rootCert ? PEM : undefined);
      // only verify-full checks the host name; the others replace the check with a no-op
      expect(tls.checkServerIdentity === undefined).toBe(host);
    }
  });

  it('never uses TLS on a Unix socket (ParseConfigWithOptions: network "unix" gets a nil TLS config)', () => {
    const dsn = { ...pgDsn({ sslmode: 'require' }), hosts: [{ host: '/var/run/postgresql', port: 5432 }] };
    expect(connectAttempts(dsn, planSsl(dsn)).map((attempt) => attempt.tls)).toEqual([false]);
  });

  it('tries each host with TLS then without under prefer (config_test.go "multiple hosts and fallback tls")', () => {
    const dsn = {
      ...pgDsn({ sslmode: 'prefer' }),
      hosts: [
        { host: 'foo', port: 5432 },
        { host: 'bar', port: 5432 },
        { host: 'baz', port: 5432 },
      ],
    };
    expect(connectAttempts(dsn, planSsl(dsn)).map((attempt) => `${attempt.host} ${attempt.tls === false ? 'plain' : 'tls'}`)).toEqual([
      'foo tls',
      'foo plain',
      'bar tls',
      'bar plain',
      'baz tls',
      'baz plain',
    ]);
  });

  it('stops after a wrong password, a missing database or a missing privilege (pgconn.go connectPreferred)', () => {
    expect(['28P01', '3D000', '42501'].map((code) => stopsFurtherAttempts({ code }))).toEqual([true, true, true]);
    expect(stopsFurtherAttempts({ code: '28000' })).toBe(false);
    expect(stopsFurtherAttempts(new Error('connect ECONNREFUSED'))).toBe(false);
  });

  it('sslrootcert=system uses the trusted system roots', () => {
    const plan = planSsl(pgDsn({ sslmode: 'verify-full', sslrootcert: 'system' }));
    expect(plan.first && plan.first.ca).toBeUndefined();
    expect(plan.first && plan.first.rejectUnauthorized).toBe(true);
  });
});

describe('startup options', () => {
  it('escapes whitespace and backslashes', () => {
    expect(escapeOptionWord('a b\\c\td')).toBe('a\\ b\\\\c\\\td');
  });

  it('sends search_path and every other parameter, after libpq options', () => {
    const dsn = pgDsn({ searchPath: 'app,public', serverSettings: { statement_timeout: '5000', 'x.y': 'two words' } });
    expect(startupOptions(dsn)).toBe('-c search_path=app,public -c statement_timeout=5000 -c x.y=two\\ words');
    expect(startupOptions({ ...dsn, startupOptions: '-c geqo=off' })).toMatch(/^-c geqo=off -c search_path/);
    expect(startupOptions(pgDsn())).toBeUndefined();
  });

  it("escaping round-trips any value through the server's word splitting", () => {
    const split = (text: string) => {
      const words: string[] = [];
      let word = '';
      for (let i = 0; i < text.length; i++) {
        const ch = text[i]!;
        if (ch === '\\' && i + 1 < text.length) {
          word += text[++i];
          continue;
        }
        if (/\s/.test(ch)) {
          if (word) words.push(word);
          word = '';
          continue;
        }
        word += ch;
      }
      if (word) words.push(word);
      return words;
    };
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (value) => {
        expect(split(`-c ${escapeOptionWord(`k=${value}`)}`)).toEqual(['-c', `k=${value}`]);
      }),
    );
  });
});

describe('value normalisation', () => {
  const parse = (oid: number, text: string) => normalisingTypes.getTypeParser(oid, 'text')(text);
  it.each([
    [20, '9223372036854775807', '9223372036854775807'],
    [1700, '0.10000000000000000001', '0.10000000000000000001'],
    [21, '-5', -5],
    [23, '2147483647', 2147483647],
    [701, '1.5', 1.5],
    [16, 't', true],
    [16, 'f', false],
    [17, '\\x00FF', '00ff'],
    [1114, '2024-01-02 03:04:05.123456', '2024-01-02T03:04:05.123456'],
    [1184, '2024-01-02 03:04:05+05:30', '2024-01-02T03:04:05+05:30'],
    [1184, '2024-01-02 03:04:05-08', '2024-01-02T03:04:05-08:00'],
    [1184, 'infinity', 'infinity'],
    [1082, '2024-02-29', '2024-02-29'],
    [3802, '{"a": 1}', '{"a": 1}'],
  ])('oid %i %s', (oid, text, expected) => {
    expect(parse(oid, text)).toEqual(expected);
  });

  it('reads the escape format of bytea too', () => {
    expect(byteaHex('a\\000\\\\b')).toBe('61005c62');
  });

  it('leaves BC timestamps readable', () => {
    expect(isoTimestamp('0044-03-15 12:00:00 BC')).toBe('0044-03-15T12:00:00 BC');
  });
});

describe('error classification', () => {
  const dsn = pgDsn({ password: 'hunter2hunter2' });
  it.each([
    [{ code: '42601', message: 'syntax error at or near "x"', position: '8' }, 'syntax', 8],
    [{ code: '42P01', message: 'relation "x" does not exist' }, 'syntax', null],
    [{ code: '23505', message: 'duplicate key value', detail: 'Key (id)=(1) already exists.' }, 'constraint', null],
    [{ code: '57014', message: 'canceling statement due to user request' }, 'other', null],
    [{ code: '57014', message: 'canceling statement due to statement timeout' }, 'timeout', null],
    [{ code: '28P01', message: 'password authentication failed for user "x"' }, 'auth', null],
    [{ code: '28000', message: 'no pg_hba.conf entry for host "1.2.3.4", user "x", database "y", no encryption' }, 'tls', null],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }, 'connect', null],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, 'connect', null],
    [{ message: 'Connection terminated due to connection timeout' }, 'timeout', null],
    [{ message: 'The server does not support SSL connections' }, 'tls', null],
    [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' }, 'tls', null],
    [{ code: '22012', message: 'division by zero' }, 'other', null],
  ])('%o → %s', (error, kind, position) => {
    const mapped = toAdapterError(error, { dsn });
    expect(mapped.kind).toBe(kind);
    expect(mapped.position).toBe(position);
    expect(mapped.backend).toBe('postgres');
  });

  it('scrubs the password from every message', () => {
    const mapped = toAdapterError({ code: 'XX000', message: 'oops hunter2hunter2', hint: 'try hunter2hunter2' }, { dsn });
    expect(mapped.message).not.toContain('hunter2hunter2');
    expect(mapped.hint).not.toContain('hunter2hunter2');
  });

  it('a statement we aborted is cancelled; one cancelled by another session is a failed statement', () => {
    expect(toAdapterError({ code: '57014', message: 'canceling statement due to user request' }, { dsn, aborted: true }).kind).toBe(
      'cancelled',
    );
    expect(toAdapterError({ code: '57014', message: 'canceling statement due to user request' }, { dsn }).message).toMatch(
      /another session/,
    );
  });

  it('an aborted statement is cancelled even when the server says timeout', () => {
    expect(toAdapterError({ code: '57014', message: 'canceling statement due to statement timeout' }, { dsn, aborted: true }).kind).toBe(
      'cancelled',
    );
  });
});

describe('small helpers', () => {
  it('names the product from version()', () => {
    expect(productOf('PostgreSQL 15.4 on x86_64')).toBe('PostgreSQL');
    expect(productOf('CockroachDB CCL v23.1.11 (x86_64-pc-linux-gnu)')).toBe('CockroachDB');
  });

  it('wraps a query for COPY, without its trailing semicolon', () => {
    expect(copyStatement('SELECT 1 ;  ', { header: true, nullText: "it's" })).toBe(
      "COPY (SELECT 1) TO STDOUT WITH (FORMAT csv, HEADER true, NULL 'it''s')",
    );
  });
});
