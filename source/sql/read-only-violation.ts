// Statements that a read-only session must refuse before sending: those that turn read-only off
// (on the session or for a transaction) and those that write outside the database, where the
// server's read-only mode does not reach. Ordinary writes are left to the server to refuse.
import { nameOf, stringValue, type TokenList } from './classify-tokens.js';
import type { SqlDialect } from './dialect.js';
import { findAny, findTopWord, punctAt, wordAt, type Scope } from './token-scan.js';

/** Classifies the SQL inside a string literal (MySQL PREPARE … FROM '…'): its violation, if any. */
export type InnerViolation = (sql: string) => string | null;

type Check = (scope: Scope, keyword: string, inner: InnerViolation) => string | null;

export function statementViolation(scope: Scope, keyword: string | null, inner: InnerViolation): string | null {
  return keyword === null ? null : CHECKS[scope.rules.dialect](scope, keyword, inner);
}

/** A call of `name` at `index` (the name token; '(' follows): a function that writes outside the database. */
export function functionViolation(scope: Scope, index: number, name: string): string | null {
  if (name === 'set_config' && scope.rules.dialect === 'postgres') return setConfigViolation(scope, index);
  return scope.rules.outsideWriteFunctions.get(name) ?? null;
}

const postgres: Check = (scope, keyword) => {
  const { tokens, start } = scope;
  const next = (...words: string[]) => wordAt(tokens, start + 1, ...words);
  switch (keyword) {
    case 'SET':
      return settingNamed(scope) ?? readWrite(scope, 'SET … READ WRITE would make transactions writable');
    case 'RESET':
      if (next('ALL')) return 'RESET ALL would turn read-only off';
      return settingNamed(scope, 'RESET');
    case 'DISCARD':
      return next('ALL') ? 'DISCARD ALL would turn read-only off' : null;
    case 'BEGIN':
    case 'START':
      return readWrite(scope, `${keyword} … READ WRITE would start a writable transaction`);
    case 'ALTER':
      return next('SYSTEM') ? 'ALTER SYSTEM writes the server configuration file' : null;
    case 'COPY':
      return copyViolation(scope);
    case 'LOAD':
      return 'LOAD loads a library into the database server';
    case 'DO':
      return 'a DO block runs code dsnsh cannot check (it could turn read-only off)';
    default:
      return null;
  }
};

const mysql: Check = (scope, keyword, inner) => {
  const { tokens } = scope;
  const outfile = findAny(scope, (k) => wordAt(tokens, k, 'INTO') && wordAt(tokens, k + 1, 'OUTFILE', 'DUMPFILE'));
  if (outfile >= 0) return `INTO ${tokens.text(outfile + 1)} writes a file on the database server`;
  switch (keyword) {
    case 'SET':
      return (
        settingNamed(scope) ?? globalSetting(scope) ?? readWrite(scope, 'SET … TRANSACTION READ WRITE would make transactions writable')
      );
    case 'START':
      return readWrite(scope, 'START TRANSACTION READ WRITE would start a writable transaction');
    case 'PREPARE':
      return literalSource(scope, 'FROM', 'PREPARE … FROM', inner);
    case 'EXECUTE':
      return wordAt(tokens, scope.start + 1, 'IMMEDIATE') ? literalSource(scope, 'IMMEDIATE', 'EXECUTE IMMEDIATE', inner) : null;
    case 'INSTALL':
      return 'INSTALL loads code into the database server';
    default:
      return null;
  }
};

const sqlite: Check = (scope, keyword) => {
  switch (keyword) {
    case 'PRAGMA': {
      const { tokens, start } = scope;
      const nameAt = punctAt(tokens, start + 2, '.') ? start + 3 : start + 1;
      const assigns = punctAt(tokens, nameAt + 1, '=') || punctAt(tokens, nameAt + 1, '(');
      return assigns && nameOf(tokens.at(nameAt)) === 'query_only' ? 'PRAGMA query_only would turn read-only off' : null;
    }
    case 'ATTACH':
      return 'ATTACH opens another database file, which could be written or created';
    case 'VACUUM':
      return findTopWord(scope, scope.start + 1, 'INTO') >= 0 ? 'VACUUM INTO writes a new database file' : null;
    default:
      return null;
  }
};

const CHECKS: Record<SqlDialect, Check> = { postgres, mysql, sqlite };

/**
 * A read-only setting named in the statement. A bare word counts anywhere (a safety net for forms
 * not listed here: `SET search_path = default_transaction_read_only` is refused too). A quoted
 * identifier counts only where it is assigned or reset (`SET "transaction_read_only" = off`,
 * `SET @@session.\`tx_read_only\` = 0`, right after RESET): as a value (`SET @a = \`tx_read_only\``)
 * it is a name like any other. A MySQL user variable `@name` never counts.
 */
function settingNamed(scope: Scope, verb = 'SET'): string | null {
  const { tokens, rules } = scope;
  const assigned = (k: number) =>
    verb === 'RESET' ? k === scope.start + 1 : punctAt(tokens, k + 1, '=') || punctAt(tokens, k + 1, ':=') || wordAt(tokens, k + 1, 'TO');
  const at = findAny(scope, (k) => {
    const kind = tokens.kind(k);
    if (kind !== 'word' && kind !== 'identifier') return false;
    const name = nameOf(tokens.at(k), rules.lexical.backslashInStrings);
    if (name === null || !rules.readOnlySettings.has(name) || userVariable(tokens, k)) return false;
    return kind === 'word' || assigned(k);
  });
  return at < 0 ? null : `${verb} ${nameOf(tokens.at(at), rules.lexical.backslashInStrings)} would change read-only mode`;
}

/** MySQL `SET GLOBAL …`, `SET PERSIST …`, `SET @@global.x = …`: the whole server, not this session. */
function globalSetting(scope: Scope): string | null {
  const { tokens } = scope;
  const at = findAny(scope, (k) => wordAt(tokens, k, 'GLOBAL', 'PERSIST', 'PERSIST_ONLY') && !userVariable(tokens, k));
  return at < 0 ? null : `SET ${tokens.text(at)} changes settings for every session on the server`;
}

function userVariable(tokens: TokenList, k: number): boolean {
  return punctAt(tokens, k - 1, '@') && !punctAt(tokens, k - 2, '@');
}

function readWrite(scope: Scope, reason: string): string | null {
  return findAny(scope, (k) => wordAt(scope.tokens, k, 'READ') && wordAt(scope.tokens, k + 1, 'WRITE')) >= 0 ? reason : null;
}

/** PostgreSQL COPY: PROGRAM runs a program; TO anything but STDOUT writes a server file. */
function copyViolation(scope: Scope): string | null {
  if (findTopWord(scope, scope.start + 1, 'PROGRAM') >= 0) return 'COPY … PROGRAM runs a program on the database server';
  const to = findTopWord(scope, scope.start + 1, 'TO');
  if (to >= 0 && !wordAt(scope.tokens, to + 1, 'STDOUT')) return 'COPY … TO a file writes on the database server';
  return null;
}

/** MySQL PREPARE … FROM '…' / EXECUTE IMMEDIATE '…': the literal's own SQL is checked; anything else cannot be. */
function literalSource(scope: Scope, word: string, what: string, inner: InnerViolation): string | null {
  const { tokens } = scope;
  const at = findTopWord(scope, scope.start + 1, word);
  // EXECUTE IMMEDIATE '…' USING @a: the parameters do not change the SQL.
  const plain = at >= 0 && tokens.kind(at + 1) === 'string' && (at + 2 >= scope.end || wordAt(tokens, at + 2, 'USING'));
  if (!plain) return `${what} something other than one string literal: dsnsh cannot check what it would run`;
  return inner(stringValue(tokens.at(at + 1), scope.rules.lexical.backslashInStrings) ?? '');
}

/** set_config(name, …) is allowed only with a literal name that is not a read-only setting. */
function setConfigViolation(scope: Scope, index: number): string | null {
  const { tokens, rules } = scope;
  const argument = tokens.at(index + 2);
  const literal = argument !== undefined && argument.kind === 'string' && argument.text.startsWith("'") && punctAt(tokens, index + 3, ',');
  const setting = literal ? stringValue(argument, false)!.trim().toLowerCase() : null;
  if (setting !== null && !rules.readOnlySettings.has(setting)) return null;
  return setting === null
    ? 'set_config(…) with a setting name that is not a plain literal could turn read-only off'
    : `set_config('${setting}', …) would turn read-only off`;
}
