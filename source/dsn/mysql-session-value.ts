// A DSN parameter the Go MySQL driver does not know becomes `SET name = value` on every new
// connection. The value is SQL text, so it must be exactly one value: a quoted string, a number,
// a bare word, or an expression without parentheses. Anything that could end the statement, open
// a comment, start another assignment or call a function is refused before any connection.

/** Why `value` is not one session-variable value, or null when it is. */
export function sessionValueProblem(value: string): string | null {
  if (value.trim() === '') return 'it is empty';
  for (let index = 0; index < value.length; index++) {
    const ch = value[index]!;
    const next = value[index + 1];
    if (ch === "'" || ch === '"' || ch === '`') {
      const end = closingQuote(value, index);
      if (end === -1) return `it has an unterminated ${ch} quote`;
      const inner = value.slice(index + 1, end);
      if (inner.includes('\\')) return 'it has a backslash inside quotes (read differently under sql_mode NO_BACKSLASH_ESCAPES)';
      if (/[\u0000-\u001f\u007f]/.test(inner)) return 'it has a control character inside quotes';
      index = end;
      continue;
    }
    if (ch === ';') return 'it contains ";", which would end the SET and start another statement';
    if (ch === '#' || (ch === '-' && next === '-') || (ch === '/' && next === '*'))
      return `it contains "${ch === '#' ? '#' : ch + next}", which opens an SQL comment`;
    if (ch === '(' || ch === ')') return 'it contains parentheses (a function call or subquery is not one value)';
    if (ch === ',') return 'it contains a comma outside quotes, which would start another assignment (quote the value: %27A,B%27)';
    if (/[A-Za-z0-9_$.@]/.test(ch) || ch === ' ' || ch === '\t') continue;
    if ('+-*/%=<>!~^&|'.includes(ch)) continue;
    return `it contains "${printable(ch)}", which is not part of a single value`;
  }
  return null;
}

/** Index of the quote that closes the one at `start` (a doubled quote is an escaped one), or -1. */
function closingQuote(text: string, start: number): number {
  const quote = text[start]!;
  for (let index = start + 1; index < text.length; index++) {
    if (text[index] !== quote) continue;
    if (text[index + 1] === quote) {
      index += 1;
      continue;
    }
    return index;
  }
  return -1;
}

function printable(ch: string): string {
  const code = ch.codePointAt(0)!;
  return code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : ch;
}

/** A system variable name the driver can put after SET as written (and Ory's rewriting keeps). */
export function isSessionVariableName(name: string): boolean {
  return /^[A-Za-z0-9_]+$/.test(name) && !/^\d+$/.test(name);
}

/** Variables that would switch a read-only session back to read-write. */
export function turnsReadOnlyOff(name: string): boolean {
  return /^(tx_read_only|transaction_read_only)$/i.test(name);
}

/** The one statement the adapter sends for the DSN's session variables (keys in Ory's order). */
export function sessionVariablesStatement(variables: Readonly<Record<string, string>>): string | null {
  const entries = Object.entries(variables);
  if (entries.length === 0) return null;
  return `SET ${entries.map(([name, value]) => `${name} = ${value}`).join(', ')}`;
}
