// MariaDB/MySQL keep a view's query on one line (VIEWS.VIEW_DEFINITION): \d shows it broken
// before each top-level clause and after each selected column, as psql's pretty form does, so a
// narrow terminal (80 columns in a pod) sees all of it. Text in quotes and parentheses is kept.
const CLAUSE = /^(?:from|where|group\s+by|having|window|order\s+by|limit|union(?:\s+all|\s+distinct)?|intersect|except)\b/i;

/** Index just past a quoted text or name starting at `start` (doubled or backslashed quotes inside). */
function pastQuote(sql: string, start: number): number {
  const quote = sql[start];
  let index = start + 1;
  while (index < sql.length) {
    if (sql[index] === '\\' && quote !== '`') {
      index += 2;
      continue;
    }
    if (sql[index] === quote) {
      if (sql[index + 1] === quote) {
        index += 2;
        continue;
      }
      return index + 1;
    }
    index += 1;
  }
  return sql.length;
}

export function viewDefinitionText(sql: string): string {
  let out = '';
  let depth = 0;
  let inSelectList = false;
  let index = 0;
  while (index < sql.length) {
    const character = sql[index] ?? '';
    if (character === "'" || character === '"' || character === '`') {
      const end = pastQuote(sql, index);
      out += sql.slice(index, end);
      index = end;
      continue;
    }
    if (character === '(') depth += 1;
    if (character === ')') depth -= 1;
    const wordStart = depth === 0 && /[a-z]/i.test(character) && (index === 0 || /[\s)]/.test(sql[index - 1] ?? ''));
    const clause = wordStart ? CLAUSE.exec(sql.slice(index))?.[0] : undefined;
    if (clause !== undefined) {
      out = `${out.trimEnd()}\n${clause}`;
      index += clause.length;
      // A set operation's own line, then the next select on a line of its own.
      if (/^(union|intersect|except)/i.test(clause)) {
        out += '\n';
        while (sql[index] === ' ') index += 1;
      }
      inSelectList = false;
      continue;
    }
    if (wordStart && /^select\b/i.test(sql.slice(index))) inSelectList = true;
    if (character === ',' && depth === 0 && inSelectList) {
      out += ',\n    ';
      index += 1;
      while (sql[index] === ' ') index += 1;
      continue;
    }
    out += character;
    index += 1;
  }
  return out.trim();
}
