// Finds popx `Migration` literals with `Type: "go"` in Go source: migrations that run Go code
// between the SQL ones, which only the service itself can run. Pure: reads text, never runs it.
// A field may be a string literal or a name bound to one in the same file (`MigrationVersion =
// "…"`, as Keto writes it); anything else leaves the field unknown.

export interface GoMigrationLiteral {
  version: string;
  name: string | null;
  /** popx's DBType as written (`all`, `postgres`, `sqlite3`, …) */
  dbType: string | null;
  direction: string | null;
  autocommit: boolean;
  /** 1-based line of the literal's `{` */
  line: number;
}

type Token =
  | { kind: 'string'; value: string; line: number }
  | { kind: 'ident'; value: string; line: number }
  | { kind: 'punct'; value: string; line: number };

function unquote(body: string): string {
  // Go escapes that matter in names and versions; others are kept as written.
  return body.replace(/\\(["\\nt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\n') {
      line += 1;
      i += 1;
      continue;
    }
    if (c === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i += 1;
      continue;
    }
    if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      line += (source.slice(i, stop).match(/\n/g) ?? []).length;
      i = stop;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== '"' && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      tokens.push({ kind: 'string', value: unquote(source.slice(i + 1, j)), line });
      i = j + 1;
      continue;
    }
    if (c === '`') {
      const end = source.indexOf('`', i + 1);
      const stop = end === -1 ? source.length : end;
      const value = source.slice(i + 1, stop);
      tokens.push({ kind: 'string', value, line });
      line += (value.match(/\n/g) ?? []).length;
      i = stop + 1;
      continue;
    }
    if (c === "'") {
      // a rune literal: skip it whole so a quote inside cannot open a string
      let j = i + 1;
      while (j < source.length && source[j] !== "'" && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      i = j + 1;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i, i + 200));
    if (word) {
      tokens.push({ kind: 'ident', value: word[0], line });
      i += word[0].length;
      continue;
    }
    if ('{}(),:='.includes(c)) tokens.push({ kind: 'punct', value: c, line });
    i += 1;
  }
  return tokens;
}

/** `name = "text"` and `name string = "text"` anywhere in the file (const and var blocks). */
function stringBindings(tokens: Token[]): Map<string, string> {
  const bindings = new Map<string, string>();
  for (let i = 0; i + 2 < tokens.length; i += 1) {
    const [a, b, c, d] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!, tokens[i + 3]];
    if (a.kind !== 'ident') continue;
    if (b.kind === 'punct' && b.value === '=' && c.kind === 'string') bindings.set(a.value, c.value);
    if (b.kind === 'ident' && b.value === 'string' && c.kind === 'punct' && c.value === '=' && d?.kind === 'string')
      bindings.set(a.value, d.value);
  }
  return bindings;
}

interface Frame {
  line: number;
  fields: Map<string, Token>;
}

export function findGoMigrationLiterals(source: string): GoMigrationLiteral[] {
  const tokens = tokenize(source);
  const bindings = stringBindings(tokens);
  const text = (token: Token | undefined): string | null => {
    if (token === undefined) return null;
    if (token.kind === 'string') return token.value;
    if (token.kind === 'ident') return bindings.get(token.value) ?? null;
    return null;
  };
  const found: GoMigrationLiteral[] = [];
  const frames: Frame[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.kind === 'punct' && token.value === '{') {
      frames.push({ line: token.line, fields: new Map() });
      continue;
    }
    if (token.kind === 'punct' && token.value === '}') {
      const frame = frames.pop();
      if (frame && text(frame.fields.get('Type')) === 'go') {
        const version = text(frame.fields.get('Version'));
        if (version !== null) {
          const autocommit = frame.fields.get('Autocommit');
          found.push({
            version,
            name: text(frame.fields.get('Name')),
            dbType: text(frame.fields.get('DBType')),
            direction: text(frame.fields.get('Direction')),
            autocommit: autocommit?.kind === 'ident' && autocommit.value === 'true',
            line: frame.line,
          });
        }
      }
      continue;
    }
    // `Key: value,` directly inside the innermost literal
    const frame = frames.at(-1);
    const colon = tokens[i + 1];
    const value = tokens[i + 2];
    const after = tokens[i + 3];
    if (
      frame &&
      token.kind === 'ident' &&
      colon?.kind === 'punct' &&
      colon.value === ':' &&
      value &&
      value.kind !== 'punct' &&
      after?.kind === 'punct' &&
      (after.value === ',' || after.value === '}')
    ) {
      frame.fields.set(token.value, value);
    }
  }
  return found;
}
