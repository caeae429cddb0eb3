// SQLite keeps CHECK constraints only in the table's CREATE text: find each `CHECK (...)` outside
// strings, quoted names and comments, with the `CONSTRAINT name` before it when there is one.
import type { NamedDefinition } from '../adapter.js';

/** Index just past the token that starts at `start` (a quoted string or name, a comment, or one character). */
function skip(sql: string, start: number): number {
  const opener = sql[start];
  const closer = opener === '[' ? ']' : opener;
  if (opener === "'" || opener === '"' || opener === '`' || opener === '[') {
    let index = start + 1;
    while (index < sql.length) {
      if (sql[index] === closer) {
        // A doubled quote inside a quoted text is the quote itself.
        if (closer !== ']' && sql[index + 1] === closer) {
          index += 2;
          continue;
        }
        return index + 1;
      }
      index += 1;
    }
    return sql.length;
  }
  if (sql.startsWith('--', start)) {
    const end = sql.indexOf('\n', start);
    return end === -1 ? sql.length : end + 1;
  }
  if (sql.startsWith('/*', start)) {
    const end = sql.indexOf('*/', start + 2);
    return end === -1 ? sql.length : end + 2;
  }
  return start + 1;
}

const unquote = (name: string) => (/^["`[]/.test(name) ? name.slice(1, -1).replace(/""/g, '"') : name);

const WORD = /[A-Za-z_][A-Za-z0-9_$]*/y;

/** Index of the parenthesis closing the one at `open` (strings and quoted names inside skipped). */
function closing(sql: string, open: number): number {
  let depth = 0;
  let at = open;
  while (at < sql.length) {
    const character = sql[at];
    if (character === '(') depth += 1;
    else if (character === ')') {
      depth -= 1;
      if (depth === 0) return at;
    }
    at = skip(sql, at);
  }
  return sql.length - 1;
}

export function sqliteCheckConstraints(createSql: string): NamedDefinition[] {
  const checks: NamedDefinition[] = [];
  // The names and keywords since the last CHECK: `CONSTRAINT name` just before one names it.
  const words: string[] = [];
  let index = 0;
  while (index < createSql.length) {
    WORD.lastIndex = index;
    const word = WORD.exec(createSql)?.[0];
    if (word === undefined) {
      const next = skip(createSql, index);
      const token = createSql.slice(index, next);
      if (/^["`[]/.test(token)) words.push(unquote(token));
      index = next;
      continue;
    }
    index += word.length;
    if (word.toUpperCase() !== 'CHECK') {
      words.push(word);
      continue;
    }
    const open = createSql.indexOf('(', index);
    if (open === -1) break;
    const close = closing(createSql, open);
    const named = words[words.length - 2]?.toUpperCase() === 'CONSTRAINT' ? (words[words.length - 1] ?? '') : '';
    checks.push({ name: named, definition: `CHECK ${createSql.slice(open, close + 1)}` });
    words.length = 0;
    index = close + 1;
  }
  return checks;
}
