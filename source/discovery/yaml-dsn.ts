// The top-level `dsn` key of an Ory config file in YAML, read as go-yaml v3 reads it (Ory's
// koanf loader). Only the first document counts (yaml.Unmarshal). The value may be plain
// (also over several lines), single- or double-quoted (with escapes and folding), or a literal or
// folded block scalar; the rest of the file is scanned just enough to know where top-level keys
// are (quoted strings over several lines, flow collections, block scalars, continuation lines).
// What this reader does not follow (tags or aliases on dsn, merge keys without a dsn, complex
// keys) is an error that says so, never a guess.
import { YamlError, blockValue, foldPlain, parseBlockHeader, plainType, scanQuoted, type BlockHeader } from './yaml-scalars.js';

export { YamlError } from './yaml-scalars.js';

export interface YamlDsn {
  /** null when the document has no top-level dsn key */
  value: string | null;
  line: number | null;
  /** Top-level keys that are `dsn` in another case (koanf's keys are case-sensitive) */
  otherCase: string[];
}

type Token =
  | { kind: 'plain'; text: string; line: number; endCol: number }
  | { kind: 'quoted'; text: string; line: number; endLine: number; endCol: number }
  | { kind: 'flow'; line: number; endLine: number; endCol: number }
  | { kind: 'block'; text: string; line: number; next: number }
  | { kind: 'alias'; line: number; endCol: number }
  | { kind: 'empty'; line: number };

const isSep = (ch: string | undefined): boolean => ch === undefined || ch === ' ' || ch === '\t';
const DOC_MARKER = /^(---|\.\.\.)(\s|$)/;

function skipSpaces(text: string, col: number): number {
  while (col < text.length && (text[col] === ' ' || text[col] === '\t')) col += 1;
  return col;
}

function restIsEmpty(text: string, col: number): boolean {
  const j = skipSpaces(text, col);
  return j >= text.length || (text[j] === '#' && (j === col ? col === 0 || isSep(text[col - 1]) : true));
}

export function readYamlDsn(source: string): YamlDsn {
  return new YamlScanner(source).read();
}

class YamlScanner {
  private readonly lines: string[];
  private end = 0;
  private readonly otherCase: string[] = [];
  private dsn: { value: string; line: number } | null = null;
  private mergeKey = false;
  private rootKind: 'mapping' | 'other' | null = null;
  /** Open collections by indentation, with the keys each mapping has so far (duplicates fail the service). */
  private stack: Array<{ indent: number; keys: Set<string> }> = [];

  constructor(source: string) {
    this.lines = source
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .split('\n');
  }

  read(): YamlDsn {
    let i = this.documentStart();
    this.end = this.lines.length;
    for (let l = i; l < this.lines.length; l += 1) {
      if (DOC_MARKER.test(this.lines[l]!)) {
        this.end = l;
        break;
      }
    }
    while (i < this.end) {
      const text = this.lines[i]!;
      const col = skipSpaces(text, 0);
      if (col >= text.length || text[col] === '#') {
        i += 1;
        continue;
      }
      if (text.slice(0, col).includes('\t')) throw new YamlError('a tab in the indentation (YAML allows only spaces there)', i + 1);
      while (this.stack.length > 0 && this.stack.at(-1)!.indent > col) this.stack.pop();
      i = this.node(i, col, true);
    }
    if (this.rootKind === 'other')
      throw new YamlError('the document is not a mapping of keys (an Ory config starts with keys such as dsn:)', 1);
    if (this.dsn === null && this.mergeKey) {
      throw new YamlError('the top-level mapping has a merge key (<<) and no dsn of its own; dsnsh does not follow merge keys', 1);
    }
    return { value: this.dsn?.value ?? null, line: this.dsn?.line ?? null, otherCase: this.otherCase };
  }

  /** Skips directives and the `---` line; returns the first line of content. */
  private documentStart(): number {
    for (let i = 0; i < this.lines.length; i += 1) {
      const text = this.lines[i]!;
      const col = skipSpaces(text, 0);
      if (col >= text.length || text[col] === '#') continue;
      if (text.startsWith('%')) continue;
      if (/^---(\s|$)/.test(text)) {
        if (!restIsEmpty(text, 3))
          throw new YamlError('content on the --- line; dsnsh reads a document whose keys start on their own lines', i + 1);
        return i + 1;
      }
      return i;
    }
    return this.lines.length;
  }

  private parentBelow(col: number): number {
    for (let k = this.stack.length - 1; k >= 0; k -= 1) if (this.stack[k]!.indent < col) return this.stack[k]!.indent;
    return -1;
  }

  private open(col: number): Set<string> {
    if (this.stack.at(-1)?.indent !== col) this.stack.push({ indent: col, keys: new Set() });
    return this.stack.at(-1)!.keys;
  }

  /** The node starting at lines[i][col]; returns the index of the next line to read. */
  private node(i: number, col: number, lineStart: boolean): number {
    const text = this.lines[i]!;
    const atRoot = lineStart && col === 0;
    if (text[col] === '-' && isSep(text[col + 1])) {
      if (atRoot) this.root('other');
      this.open(col);
      const j = skipSpaces(text, col + 1);
      if (restIsEmpty(text, col + 1)) return i + 1;
      return this.node(i, j, false);
    }
    if (text[col] === '?' && isSep(text[col + 1])) throw new YamlError('a complex mapping key (?); dsnsh does not read those', i + 1);
    const parent = lineStart ? this.parentBelow(col) : (this.stack.at(-1)?.indent ?? -1);
    const token = this.token(i, col, parent, false);
    const line = 'endLine' in token ? token.endLine : token.line;
    const lineText = this.lines[line]!;
    const after = token.kind === 'block' || token.kind === 'empty' ? lineText.length : skipSpaces(lineText, token.endCol);
    if (lineText[after] === ':' && isSep(lineText[after + 1])) {
      if (line !== i) throw new YamlError('a key over several lines', i + 1);
      if (token.kind !== 'plain' && token.kind !== 'quoted') throw new YamlError('a key that is not a plain or quoted string', i + 1);
      const keys = this.open(col);
      // go-yaml v3 refuses a key defined twice in one mapping: the service would not start.
      if (keys.has(token.text)) throw new YamlError(`the key "${token.text}" is defined twice in the same mapping`, i + 1);
      keys.add(token.text);
      const isTop = atRoot;
      if (isTop) {
        this.root('mapping');
        this.topKey(token.text);
      }
      return this.value(i, after + 1, col, isTop && token.text === 'dsn');
    }
    if (atRoot) this.root('other');
    return this.finishScalar(token, parent, false).next;
  }

  private root(kind: 'mapping' | 'other'): void {
    this.rootKind ??= kind;
  }

  private topKey(key: string): void {
    if (key === '<<') this.mergeKey = true;
    if (key !== 'dsn' && key.toLowerCase() === 'dsn') this.otherCase.push(key);
  }

  /** The value after `key:` (col just after the colon); `keyIndent` is the mapping's indentation. */
  private value(i: number, col: number, keyIndent: number, isDsn: boolean): number {
    const text = this.lines[i]!;
    if (restIsEmpty(text, col)) {
      if (!isDsn) return i + 1;
      return this.dsnOnNextLines(i, keyIndent);
    }
    const token = this.token(i, skipSpaces(text, col), keyIndent, isDsn);
    const { value, next } = this.finishScalar(token, keyIndent, true);
    if (isDsn) this.setDsn(token, value, i);
    return next;
  }

  private dsnOnNextLines(i: number, keyIndent: number): number {
    let n = i + 1;
    while (n < this.end && (this.lines[n]!.trim() === '' || this.lines[n]!.trim().startsWith('#'))) n += 1;
    const text = this.lines[n] ?? '';
    const col = skipSpaces(text, 0);
    if (n < this.end && text[col] === '-' && isSep(text[col + 1]) && col >= keyIndent) throw notString('a list', i);
    if (n >= this.end || col <= keyIndent) throw new YamlError('the dsn key has no value (null)', i + 1);
    const token = this.token(n, col, keyIndent, true);
    if (token.kind === 'plain' || token.kind === 'quoted') {
      const end = token.kind === 'quoted' ? token.endLine : token.line;
      const after = skipSpaces(this.lines[end]!, token.endCol);
      if (this.lines[end]![after] === ':' && isSep(this.lines[end]![after + 1])) throw notString('a mapping', i);
    }
    const { value, next } = this.finishScalar(token, keyIndent, true);
    this.setDsn(token, value, i);
    return next;
  }

  private setDsn(token: Token, value: string | null, i: number): void {
    if (token.kind === 'flow') throw notString('a list or a mapping', i);
    if (token.kind === 'plain') {
      const type = plainType(value ?? '');
      if (type === 'null') throw new YamlError('the dsn key has no value (null)', i + 1);
      if (type !== 'string') throw notString(`a ${type === 'bool' ? 'boolean' : 'number'} (${value})`, i);
    }
    this.dsn = { value: value ?? '', line: i + 1 };
  }

  /** Reads one token: properties first (an anchor is skipped; a tag or alias on dsn is refused). */
  private token(i: number, col: number, parent: number, isDsn: boolean): Token {
    const text = this.lines[i]!;
    let j = col;
    while (text[j] === '&' || text[j] === '!') {
      if (text[j] === '!' && isDsn) throw new YamlError('a tag on the dsn value; dsnsh reads untagged strings only', i + 1);
      while (j < text.length && !isSep(text[j])) j += 1;
      j = skipSpaces(text, j);
    }
    if (j >= text.length || (text[j] === '#' && isSep(text[j - 1]))) {
      if (isDsn) throw new YamlError('an anchor with the dsn value on the next line; dsnsh does not read that form', i + 1);
      return { kind: 'empty', line: i };
    }
    const ch = text[j]!;
    if (ch === '*') {
      if (isDsn) throw new YamlError('an alias (*name) as the dsn value; dsnsh does not follow aliases', i + 1);
      while (j < text.length && !isSep(text[j])) j += 1;
      return { kind: 'alias', line: i, endCol: j };
    }
    if (ch === '"' || ch === "'") {
      const scan = scanQuoted(this.lines, i, j, (index) => index + 1);
      return { kind: 'quoted', text: scan.value, line: i, endLine: scan.endLine, endCol: scan.endCol };
    }
    if (ch === '[' || ch === '{') return this.flow(i, j);
    if (ch === '|' || ch === '>') {
      const header = parseBlockHeader(text.slice(j));
      if (!header) throw new YamlError('a block scalar header (| or >) with text after it', i + 1);
      return this.block(i, parent, header);
    }
    if (ch === '@' || ch === '`' || ch === '%' || ch === ',' || ch === ']' || ch === '}') {
      throw new YamlError(`a value cannot start with "${ch}" unquoted in YAML`, i + 1);
    }
    // Plain: up to ": ", " #" or the end of the line.
    let k = j;
    while (k < text.length) {
      if (text[k] === ':' && isSep(text[k + 1])) break;
      if (text[k] === '#' && isSep(text[k - 1])) break;
      k += 1;
    }
    return { kind: 'plain', text: text.slice(j, k).trimEnd(), line: i, endCol: k };
  }

  /**
   * After a value token: the rest of its line must be empty; a plain scalar continues on more
   * indented lines. Returns the decoded value (plain, quoted or block) and the next line.
   */
  private finishScalar(token: Token, parent: number, asValue: boolean): { value: string | null; next: number } {
    if (token.kind === 'block') return { value: token.text, next: token.next };
    if (token.kind === 'empty') return { value: null, next: token.line + 1 };
    const line = 'endLine' in token ? token.endLine : token.line;
    const text = this.lines[line]!;
    const after = skipSpaces(text, token.endCol);
    if (asValue && text[after] === ':' && isSep(text[after + 1]))
      throw new YamlError('a mapping value where a plain value was expected (quote a value holding ": ")', line + 1);
    if (!restIsEmpty(text, token.endCol) && token.kind !== 'plain') throw new YamlError('text after a quoted or flow value', line + 1);
    if (token.kind !== 'plain') return { value: token.kind === 'quoted' ? token.text : null, next: line + 1 };
    const parts = [token.text];
    let n = line + 1;
    let ended = text[after] === '#';
    for (; n < this.end; n += 1) {
      const next = this.lines[n]!;
      const col = skipSpaces(next, 0);
      if (col >= next.length) {
        parts.push('');
        continue;
      }
      if (col <= parent || ended) break;
      if (next[col] === '#') {
        ended = true;
        continue;
      }
      let k = col;
      while (k < next.length && !(next[k] === ':' && isSep(next[k + 1])) && !(next[k] === '#' && isSep(next[k - 1]))) k += 1;
      if (next[k] === ':') throw new YamlError('a mapping value inside a plain value over several lines', n + 1);
      if (next[k] === '#') ended = true;
      parts.push(next.slice(col, k).trimEnd());
    }
    while (parts.length > 1 && parts.at(-1) === '') parts.pop();
    let next = n;
    while (next > line + 1 && this.lines[next - 1]!.trim() === '') next -= 1;
    return { value: foldPlain(parts), next };
  }

  /** A flow collection ([…] or {…}), possibly over several lines; only its extent matters here. */
  private flow(i: number, col: number): Token {
    let depth = 0;
    let l = i;
    let c = col;
    let tokenStart = true;
    while (l < this.end) {
      const text = this.lines[l]!;
      if (c >= text.length) {
        l += 1;
        c = 0;
        tokenStart = true;
        continue;
      }
      const ch = text[c]!;
      if ((ch === '"' || ch === "'") && tokenStart) {
        const scan = scanQuoted(this.lines, l, c, (index) => index + 1);
        l = scan.endLine;
        c = scan.endCol;
        tokenStart = false;
        continue;
      }
      if (ch === '#' && (c === 0 || isSep(text[c - 1]))) {
        l += 1;
        c = 0;
        tokenStart = true;
        continue;
      }
      if (ch === '[' || ch === '{') depth += 1;
      if (ch === ']' || ch === '}') {
        depth -= 1;
        if (depth === 0) return { kind: 'flow', line: i, endLine: l, endCol: c + 1 };
      }
      tokenStart = ch === '[' || ch === '{' || ch === ',' || ch === ':' || ch === ' ' || ch === '\t';
      c += 1;
    }
    throw new YamlError('a flow collection ([ or {) is not closed', i + 1);
  }

  /** Block scalar content after the header line, as libyaml delimits it. */
  private block(i: number, parent: number, header: BlockHeader): Token {
    let indent = header.indent !== null ? (parent >= 0 ? parent + header.indent : header.indent) : 0;
    let n = i + 1;
    if (indent === 0) {
      let max = 0;
      while (n < this.end && this.lines[n]!.trim() === '') {
        max = Math.max(max, this.lines[n]!.length);
        n += 1;
      }
      const first = n < this.end ? skipSpaces(this.lines[n]!, 0) : 0;
      indent = Math.max(max, first, parent + 1, 1);
      n = i + 1;
    }
    const content: string[] = [];
    for (; n < this.end; n += 1) {
      const text = this.lines[n]!;
      const spaces = text.length - text.replace(/^ +/, '').length;
      if (text.trim() === '' && spaces <= indent) {
        content.push('');
        continue;
      }
      if (spaces < indent) break;
      content.push(text.slice(indent));
    }
    return { kind: 'block', text: blockValue(header, content), line: i, next: n };
  }
}

function notString(what: string, i: number): YamlError {
  return new YamlError(`the dsn key is ${what}, not a string`, i + 1);
}
