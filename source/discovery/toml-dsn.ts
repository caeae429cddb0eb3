// The top-level `dsn` key of an Ory config file in TOML, read as go-toml v1 (Ory's koanf TOML
// parser) reads it: a basic, literal or multi-line string before the first table header; a
// `[dsn]` table or a dotted `dsn.x` key makes it a table, a second definition is an error.
// The whole file is lexed (strings, arrays over several lines, comments) so that a header or a
// key inside a string is never taken for one.

export class TomlError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export interface TomlDsn {
  value: string | null;
  line: number | null;
  otherCase: string[];
}

const BARE_KEY = /[A-Za-z0-9_-]/;

export function readTomlDsn(source: string): TomlDsn {
  return new TomlLexer(source.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n')).read();
}

class TomlLexer {
  private pos = 0;
  private dsn: { value: string; line: number } | null = null;
  private dsnKind: 'string' | 'table' | null = null;
  private readonly otherCase: string[] = [];
  private inRoot = true;
  private dsnTableLine = 0;

  constructor(private readonly text: string) {}

  private line(at = this.pos): number {
    let n = 1;
    for (let i = 0; i < at && i < this.text.length; i += 1) if (this.text[i] === '\n') n += 1;
    return n;
  }

  private fail(message: string, at = this.pos): never {
    throw new TomlError(message, this.line(at));
  }

  read(): TomlDsn {
    for (;;) {
      this.skipBlank();
      if (this.pos >= this.text.length) break;
      const ch = this.text[this.pos]!;
      if (ch === '\n') {
        this.pos += 1;
        continue;
      }
      if (ch === '#') {
        this.skipComment();
        continue;
      }
      if (ch === '[') this.header();
      else this.keyValue();
      this.endOfLine();
    }
    if (this.dsnKind === 'table') throw new TomlError('the dsn key is a table, not a string', this.dsnTableLine);
    return { value: this.dsn?.value ?? null, line: this.dsn?.line ?? null, otherCase: this.otherCase };
  }

  private skipBlank(): void {
    while (this.text[this.pos] === ' ' || this.text[this.pos] === '\t') this.pos += 1;
  }

  private skipComment(): void {
    while (this.pos < this.text.length && this.text[this.pos] !== '\n') this.pos += 1;
  }

  private endOfLine(): void {
    this.skipBlank();
    if (this.text[this.pos] === '#') this.skipComment();
    if (this.pos < this.text.length && this.text[this.pos] !== '\n') this.fail('unexpected text after a value');
  }

  private header(): void {
    const start = this.pos;
    const array = this.text[this.pos + 1] === '[';
    this.pos += array ? 2 : 1;
    const path = this.keyPath();
    this.skipBlank();
    const close = array ? ']]' : ']';
    if (!this.text.startsWith(close, this.pos)) this.fail('a table header that is not closed', start);
    this.pos += close.length;
    this.inRoot = false;
    if (path[0] === 'dsn') this.defineDsn('table', null, start);
  }

  private keyValue(): void {
    const start = this.pos;
    const path = this.keyPath();
    this.skipBlank();
    if (this.text[this.pos] !== '=') this.fail('expected "=" after a key', start);
    this.pos += 1;
    this.skipBlank();
    const value = this.value();
    if (!this.inRoot) return;
    if (path[0] !== 'dsn') {
      if (path.length === 1 && path[0]!.toLowerCase() === 'dsn') this.otherCase.push(path[0]!);
      return;
    }
    if (path.length > 1) this.defineDsn('table', null, start);
    else this.defineDsn('string', value, start);
  }

  private defineDsn(kind: 'string' | 'table', value: string | null | undefined, at: number): void {
    if (this.dsnKind === 'string' || (this.dsnKind === 'table' && kind === 'string')) this.fail('the key "dsn" is defined twice', at);
    this.dsnKind = kind;
    if (kind === 'table') {
      this.dsnTableLine = this.line(at);
      return;
    }
    if (value === undefined) this.fail('the dsn key is not a string (quote it: dsn = "…")', at);
    this.dsn = { value: value!, line: this.line(at) };
  }

  /** A dotted key: bare or quoted parts. */
  private keyPath(): string[] {
    const parts: string[] = [];
    for (;;) {
      this.skipBlank();
      const ch = this.text[this.pos];
      if (ch === '"') parts.push(this.basicString());
      else if (ch === "'") parts.push(this.literalString());
      else {
        const start = this.pos;
        while (this.pos < this.text.length && BARE_KEY.test(this.text[this.pos]!)) this.pos += 1;
        if (this.pos === start) this.fail('expected a key');
        parts.push(this.text.slice(start, this.pos));
      }
      this.skipBlank();
      if (this.text[this.pos] !== '.') return parts;
      this.pos += 1;
    }
  }

  /** A value; returns its text when it is a string, undefined otherwise. */
  private value(): string | undefined {
    const ch = this.text[this.pos];
    if (this.text.startsWith('"""', this.pos)) return this.multilineString('"');
    if (this.text.startsWith("'''", this.pos)) return this.multilineString("'");
    if (ch === '"') return this.basicString();
    if (ch === "'") return this.literalString();
    if (ch === '[' || ch === '{') {
      this.collection();
      return undefined;
    }
    const start = this.pos;
    while (this.pos < this.text.length && !/[\s#,\]}]/.test(this.text[this.pos]!)) this.pos += 1;
    // Dates may hold one space ("1979-05-27 07:32:00"); the rest of the line is checked after.
    if (/^\d{4}-\d{2}-\d{2}$/.test(this.text.slice(start, this.pos)) && /^ \d/.test(this.text.slice(this.pos, this.pos + 2))) {
      this.pos += 1;
      while (this.pos < this.text.length && !/[\s#,\]}]/.test(this.text[this.pos]!)) this.pos += 1;
    }
    if (this.pos === start) this.fail('expected a value');
    return undefined;
  }

  /** An array or inline table, skipped with its strings and comments (arrays may span lines). */
  private collection(): void {
    let depth = 0;
    const start = this.pos;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos]!;
      if (ch === '"' || ch === "'") {
        this.value();
        continue;
      }
      if (ch === '#') {
        this.skipComment();
        continue;
      }
      this.pos += 1;
      if (ch === '[' || ch === '{') depth += 1;
      if (ch === ']' || ch === '}') {
        depth -= 1;
        if (depth === 0) return;
      }
    }
    this.fail('an array or inline table that is not closed', start);
  }

  private literalString(): string {
    const start = this.pos;
    const end = this.text.indexOf("'", this.pos + 1);
    const newline = this.text.indexOf('\n', this.pos + 1);
    if (end === -1 || (newline !== -1 && newline < end)) this.fail('a string that is not closed on its line', start);
    this.pos = end + 1;
    return this.text.slice(start + 1, end);
  }

  private basicString(): string {
    const start = this.pos;
    this.pos += 1;
    let out = '';
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined || ch === '\n') this.fail('a string that is not closed on its line', start);
      this.pos += 1;
      if (ch === '"') return out;
      out += ch === '\\' ? this.escape() : ch;
    }
  }

  private escape(): string {
    const ch = this.text[this.pos];
    this.pos += 1;
    const simple: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };
    if (ch !== undefined && ch in simple) return simple[ch]!;
    if (ch === 'u' || ch === 'U') {
      const digits = ch === 'u' ? 4 : 8;
      const hex = this.text.slice(this.pos, this.pos + digits);
      if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(hex)) this.fail(`a bad \\${ch} escape`);
      this.pos += digits;
      return String.fromCodePoint(parseInt(hex, 16));
    }
    return this.fail(`an unknown escape \\${ch ?? ''}`);
  }

  private multilineString(quote: '"' | "'"): string {
    const start = this.pos;
    this.pos += 3;
    if (this.text[this.pos] === '\n') this.pos += 1;
    let out = '';
    for (;;) {
      if (this.pos >= this.text.length) this.fail('a multi-line string that is not closed', start);
      if (this.text.startsWith(quote.repeat(3), this.pos)) {
        // Up to two quotes may sit just before the closing three.
        let run = 3;
        while (run < 5 && this.text[this.pos + run] === quote) run += 1;
        out += quote.repeat(run - 3);
        this.pos += run;
        return out;
      }
      const ch = this.text[this.pos]!;
      this.pos += 1;
      if (quote === '"' && ch === '\\') {
        // A line-ending backslash drops the break and the white space after it.
        const rest = /^[ \t]*\n/.exec(this.text.slice(this.pos));
        if (rest) {
          this.pos += rest[0].length;
          while (/[ \t\n]/.test(this.text[this.pos] ?? '')) this.pos += 1;
          continue;
        }
        out += this.escape();
        continue;
      }
      out += ch;
    }
  }
}
