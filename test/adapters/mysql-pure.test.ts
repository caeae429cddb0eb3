// The MySQL adapter's pure parts, without a server: dates in loc, error mapping, syntax
// positions, command words and the session-variable statement.
import { describe, expect, it } from 'vitest';
import { collationPlan } from '../../source/adapters/mysql/mysql-collation.js';
import { makeDateTimeFormatter } from '../../source/adapters/mysql/mysql-dates.js';
import { syntaxPosition, toAdapterError } from '../../source/adapters/mysql/mysql-errors.js';
import { scrubPassword } from '../../source/dsn/redact.js';
import { statementCommand } from '../../source/sql/classify-statement.js';
import { systemVariablesStatement } from '../../source/adapters/mysql/mysql-session-setup.js';
import { tlsPlan } from '../../source/adapters/mysql/mysql-tls.js';

describe('MySQL DATETIME formatting', () => {
  it.each([
    ['UTC', '2024-03-31 01:30:00', '2024-03-31T01:30:00Z'],
    ['Europe/Paris', '2024-03-31 01:30:00', '2024-03-31T01:30:00+01:00'],
    ['Europe/Paris', '2024-03-31 03:30:00', '2024-03-31T03:30:00+02:00'],
    ['America/New_York', '2024-11-03 12:00:00.123456', '2024-11-03T12:00:00.123456-05:00'],
    ['Asia/Kolkata', '2024-06-01 00:00:00', '2024-06-01T00:00:00+05:30'],
    ['Europe/Paris', '0000-00-00 00:00:00', '0000-00-00 00:00:00'],
  ])('with parseTime in %s: %s → %s', (loc, text, expected) => {
    expect(makeDateTimeFormatter(true, loc)(text)).toBe(expected);
  });

  it('without parseTime gives the wall-clock text in ISO form, no offset', () => {
    expect(makeDateTimeFormatter(false, 'Europe/Paris')('2024-07-01 12:00:00.5')).toBe('2024-07-01T12:00:00.5');
  });

  it('keeps offsets right within an hour that holds a transition, whatever the order of values (cached per hour)', () => {
    // Lord Howe turns clocks back by 30 minutes at 02:00: 01:30-01:59 happen twice (the later
    // instant is taken, as before), and forward at 02:00 to 02:30 (02:00-02:29 do not exist).
    const format = makeDateTimeFormatter(true, 'Australia/Lord_Howe');
    const cases: Array<[string, string]> = [
      ['2024-04-07 01:00:00', '+11:00'],
      ['2024-04-07 01:30:00', '+10:30'],
      ['2024-04-07 01:29:59', '+11:00'],
      ['2024-04-07 01:59:00', '+10:30'],
      ['2024-04-07 02:00:00', '+10:30'],
      ['2024-04-07 01:10:00', '+11:00'],
      ['2024-10-06 01:59:00', '+10:30'],
      ['2024-10-06 02:30:00', '+11:00'],
      ['2024-10-06 02:15:00', '+10:30'],
      ['2024-10-06 03:00:00', '+11:00'],
      ['2024-10-06 02:45:00', '+11:00'],
    ];
    for (const [text, offset] of [...cases, ...[...cases].reverse()]) {
      expect(format(text)).toBe(`${text.replace(' ', 'T')}${offset}`);
    }
    const paris = makeDateTimeFormatter(true, 'Europe/Paris');
    expect(['2024-10-27 01:59:00', '2024-10-27 03:00:00', '2024-10-27 01:00:00', '2024-03-31 03:00:00'].map(paris)).toEqual([
      '2024-10-27T01:59:00+02:00',
      '2024-10-27T03:00:00+01:00',
      '2024-10-27T01:00:00+02:00',
      '2024-03-31T03:00:00+02:00',
    ]);
  });
});

describe('MySQL error mapping', () => {
  it.each([
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, 'connect'],
    [{ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND db' }, 'connect'],
    [{ code: 'ETIMEDOUT', message: 'connect ETIMEDOUT' }, 'timeout'],
    [{ code: 'PROTOCOL_CONNECTION_LOST', message: 'Connection lost' }, 'connect'],
    [{ code: 'HANDSHAKE_SSL_ERROR', message: 'self-signed certificate' }, 'tls'],
    [{ code: 'ER_ACCESS_DENIED_ERROR', errno: 1045, message: 'Access denied' }, 'auth'],
    [{ code: 'ER_DBACCESS_DENIED_ERROR', errno: 1044, message: 'Access denied to database' }, 'auth'],
    [{ code: 'ER_PARSE_ERROR', errno: 1064, message: "near 'x' at line 1" }, 'syntax'],
    [{ code: 'ER_DUP_ENTRY', errno: 1062, message: 'Duplicate entry' }, 'constraint'],
    // Our own cancel is the statement guard's verdict; a bare 1317 is another session's KILL QUERY.
    [{ code: 'ER_QUERY_INTERRUPTED', errno: 1317, message: 'Query execution was interrupted' }, 'other'],
    [{ code: 'ER_STATEMENT_TIMEOUT', errno: 1969, message: 'max_statement_time exceeded' }, 'timeout'],
    [{ code: 'ER_NO_SUCH_TABLE', errno: 1146, message: "Table 'x' doesn't exist" }, 'other'],
  ])('%o → %s', (driverError, kind) => {
    const error = toAdapterError(driverError);
    expect(error.kind).toBe(kind);
    expect(error.backend).toBe('mysql');
    expect(error.cause).toBe(driverError);
  });

  it('keeps the errno as the code and never shows the password', () => {
    const error = toAdapterError(
      { code: 'ER_ACCESS_DENIED_ERROR', errno: 1045, message: "Access denied for 'hunter22'" },
      { password: 'hunter22' },
    );
    expect(error.code).toBe('1045');
    expect(error.message).not.toContain('hunter22');
    expect(scrubPassword('a hunter22 b hunter22', 'hunter22')).toBe('a *** b ***');
    // A short password is a secret too (it used to be left in messages under 3 characters).
    expect(
      toAdapterError({ code: 'ER_ACCESS_DENIED_ERROR', errno: 1045, message: 'Access denied: pw=q7' }, { password: 'q7' }).message,
    ).not.toContain('q7');
  });

  it('finds the position the server quotes, on the line it names', () => {
    const sql = 'SELECT 1;\nSELECT * FROM t WHERE = 2';
    expect(syntaxPosition("right syntax to use near '= 2' at line 2", sql)).toBe(sql.indexOf('= 2') + 1);
    expect(syntaxPosition("right syntax to use near '' at line 1", 'SELECT * FROM')).toBe(14);
    expect(syntaxPosition('no position here', sql)).toBeNull();
  });
});

describe('MySQL helpers', () => {
  it.each([
    ['select 1', 'SELECT'],
    ['  -- note\n/* block */ insert into t values (1)', 'INSERT'],
    ['# hash comment\nUPDATE t SET a = 1', 'UPDATE'],
    ['(SELECT 1) UNION (SELECT 2)', 'SELECT'],
    ['-- only a comment', null],
    ['/*!40101 SET NAMES utf8 */', 'SET'],
    ['with t as (select 1) delete from x', 'DELETE'],
  ])('command word of %j = %j', (sql, keyword) => {
    expect(statementCommand(sql, 'mysql')).toBe(keyword);
  });

  it('builds one SET for all session variables, values as given', () => {
    expect(systemVariablesStatement({ sql_mode: 'TRADITIONAL', time_zone: "'+00:00'" })).toBe(
      "SET sql_mode = TRADITIONAL, time_zone = '+00:00'",
    );
    expect(systemVariablesStatement({})).toBeNull();
  });

  it('sends collations whose id does not fit the handshake byte after connecting', () => {
    expect(collationPlan('utf8mb4_general_ci')).toEqual({ handshake: 'utf8mb4_general_ci', afterConnect: null });
    expect(collationPlan('utf8mb4_de_pb_0900_ai_ci')).toEqual({
      handshake: 'utf8mb4_general_ci',
      afterConnect: 'SET NAMES utf8mb4 COLLATE utf8mb4_de_pb_0900_ai_ci',
    });
  });

  it('maps tls modes to verification and fallback', () => {
    expect(tlsPlan('true', 'tcp', '10.0.0.5')).toMatchObject({ verifies: true, verifyHost: '10.0.0.5', fallBackToPlaintext: false });
    expect(tlsPlan('skip-verify', 'tcp', 'db')).toMatchObject({ verifies: false, ssl: { rejectUnauthorized: false } });
    expect(tlsPlan('preferred', 'tcp', 'db')).toMatchObject({ fallBackToPlaintext: true });
    expect(tlsPlan('false', 'tcp', 'db').ssl).toBeUndefined();
  });
});
