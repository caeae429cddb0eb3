// Properties of the statement classifier over generated inputs: it agrees with the splitter on
// statement boundaries; keywords inside strings, comments and quoted identifiers never change a
// classification; a leading comment or parentheses never make a write look read-only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyStatement, classifyStatements } from '../../source/sql/classify-statement.js';
import type { SqlDialect } from '../../source/sql/dialect.js';
import { splitStatements } from '../../source/sql/split-statements.js';

const dialects = fc.constantFrom<SqlDialect>('postgres', 'mysql', 'sqlite');
const RUNS = { numRuns: 400 };

describe('statement boundaries', () => {
  const sqlish = fc.string({ unit: fc.constantFrom(...`ab1 ;'"\`$-#/*!M\\[]\n()EBEGINDCASEdelete`.split('')), maxLength: 120 });
  it("are exactly the splitter's, for any input", () => {
    fc.assert(
      fc.property(fc.oneof(sqlish, fc.string({ maxLength: 80 })), dialects, (sql, dialect) => {
        expect(classifyStatements(sql, dialect).map((classified) => classified.statement)).toEqual(splitStatements(sql, dialect));
      }),
      RUNS,
    );
  });
});

/** Text to hide: keywords and punctuation that would matter outside a string or comment. */
const KEYWORDS = [
  'delete',
  'drop',
  'truncate',
  'update',
  'insert',
  'where',
  'returning',
  'set',
  'read',
  'write',
  'with',
  'select',
  'into',
  'outfile',
  'attach',
  'pragma',
  'query_only',
  'set_config',
  'lo_export',
  'default_transaction_read_only',
  'tx_read_only',
  'reset',
  'all',
  'begin',
  'end',
  'explain',
  'analyze',
  'do',
  '$$',
  'copy',
  'program',
  '1=1',
  'or',
  'true',
  ';',
  '(',
  ')',
  ',',
  '*',
  '=',
  ' ',
  '\n',
  '#',
  '--',
  '!',
];
const hidden = fc.array(fc.constantFrom(...KEYWORDS), { maxLength: 12 }).map((parts) => parts.join(' '));

/** Statements with a slot (§) where a string, a quoted identifier or a comment can stand without changing what they do. */
const TEMPLATES: Record<SqlDialect, string[]> = {
  postgres: [
    'select § as a from t',
    'update t set a = § where id = 1',
    'delete from t where id = 1 and b = §',
    'insert into t values (§)',
    'with x as (select § as a) select * from x',
    'explain select §',
    "select set_config('search_path', §, false)",
    'set search_path = §',
    'update t set a = §',
    'delete from t where b = § returning id',
    'begin isolation level serializable',
    'do $$ begin perform 1; end $$',
    'copy (select § ) to stdout',
    'drop table t',
  ],
  mysql: [
    'select § as a from t',
    'update t set a = § where id = 1',
    'delete from t where id = 1 and b = §',
    'insert into t values (§)',
    'set @a = §',
    'start transaction read only',
    'select § into @x',
    'delete from t',
    'replace into t values (§)',
  ],
  sqlite: [
    'select § as a from t',
    'update t set a = § where id = 1',
    'delete from t where id = 1 and b = §',
    'insert into t values (§)',
    'pragma table_info(§)',
    'with x as (select § as a) delete from t where a = 1',
    'select § from t limit 1',
  ],
};

interface Hiding {
  plain: string;
  hide: (text: string) => string;
}

/** Ways to hide text in a dialect, each with the same construct holding harmless text. */
function hidings(dialect: SqlDialect): Hiding[] {
  const quoted = (quote: string, text: string) => `${quote}${text.replaceAll(quote, quote + quote)}${quote}`;
  const noBackslash = (text: string) => text.replaceAll('\\', '');
  const identifier = dialect === 'mysql' ? '`' : '"';
  return [
    { plain: "'x'", hide: (text) => quoted("'", noBackslash(text)) },
    { plain: `${identifier}x${identifier}`, hide: (text) => quoted(identifier, text) },
    { plain: '1 /* x */', hide: (text) => `1 /* ${text.replaceAll('*/', '').replaceAll('/*', '')} */` },
    { plain: '1 -- x\n', hide: (text) => `1 -- ${text.replaceAll('\n', ' ')}\n` },
    ...(dialect === 'postgres' ? [{ plain: '$q$x$q$', hide: (text: string) => `$q$${text.replaceAll('$q$', '')}$q$` }] : []),
    ...(dialect === 'mysql' ? [{ plain: '1 # x\n', hide: (text: string) => `1 # ${text.replaceAll('\n', ' ')}\n` }] : []),
  ];
}

describe('keywords inside strings, comments and quoted identifiers', () => {
  it('never change a classification', () => {
    const cases = dialects.chain((dialect) =>
      fc.tuple(fc.constant(dialect), fc.constantFrom(...TEMPLATES[dialect]), fc.constantFrom(...hidings(dialect)), hidden),
    );
    fc.assert(
      fc.property(cases, ([dialect, template, hiding, text]) => {
        // A replacer function: a replacement string would read `$$` as an escape.
        const plain = classifyStatement(
          template.replace('§', () => hiding.plain),
          dialect,
        );
        const withKeywords = classifyStatement(
          template.replace('§', () => hiding.hide(text)),
          dialect,
        );
        expect(withKeywords).toEqual(plain);
      }),
      RUNS,
    );
  });
});

/** Statements built from SQL words at random: mostly nonsense, which must be classified safely too. */
const WORDS = [
  'select',
  'delete',
  'update',
  'insert',
  'into',
  'from',
  'where',
  't',
  'x',
  '1',
  '=',
  '(',
  ')',
  ',',
  'with',
  'as',
  'returning',
  'drop',
  'table',
  'set',
  'explain',
  'analyze',
  'values',
  'or',
  'and',
  'true',
  "'s'",
  'do',
  '$$ delete $$',
  'copy',
  'to',
  'program',
  'truncate',
  'alter',
  'merge',
  'replace',
  'show',
  'pragma',
  'begin',
  'commit',
  'read',
  'write',
  '*',
];
const statement = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 }).map((words) => words.join(' '));
const WRITES: Record<SqlDialect, string[]> = {
  postgres: [
    'delete from t',
    'delete from t where 1 = 1',
    'update t set a = 1 where true returning *',
    'update t set a = 1 where id = 2',
    'insert into t values (1) returning *',
    'drop table t',
    'with x as (delete from t returning *) select * from x',
    'explain analyze delete from t where id = 1',
    'truncate t',
    'do $$ begin delete from t; end $$',
    "select nextval('s')",
    'set default_transaction_read_only = off',
    'copy t from stdin',
  ],
  mysql: [
    'delete from t',
    '/*!50000 drop table t */',
    'set session transaction read write',
    'replace into t values (1)',
    "select * from t into outfile '/tmp/x'",
    'analyze delete from t',
    'select @a := 1',
  ],
  sqlite: [
    'delete from t',
    'delete from t where id = 3 or 1',
    'pragma query_only = 0',
    "attach 'x.db' as x",
    'insert or replace into t values (1)',
    'with x as (select 1) update t set a = 1',
    "vacuum into 'x.db'",
  ],
};
const wrappings = [
  (sql: string) => `(${sql})`,
  (sql: string) => `((${sql}))`,
  (sql: string) => `-- note\n${sql}`,
  (sql: string) => `/* note */ ${sql}`,
  (sql: string) => `/* a */ ( -- b\n ${sql} )`,
];

describe('a leading comment or parentheses', () => {
  it('never make a write look read-only (nor hide why it is destructive or refused)', () => {
    const cases = dialects.chain((dialect) =>
      fc.tuple(fc.constant(dialect), fc.oneof(statement, fc.constantFrom(...WRITES[dialect])), fc.constantFrom(...wrappings)),
    );
    fc.assert(
      fc.property(cases, ([dialect, sql, wrap]) => {
        const bare = classifyStatement(sql, dialect);
        const wrapped = classifyStatement(wrap(sql), dialect);
        if (!bare.readOnly) expect(wrapped.readOnly).toBe(false);
        if (bare.changes !== 'none') expect(wrapped.changes).not.toBe('none');
        if (bare.destructive !== null) expect(wrapped.destructive).toBe(bare.destructive);
        if (bare.readOnlyViolation !== null) expect(wrapped.readOnlyViolation).not.toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});
