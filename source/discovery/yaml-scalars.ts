// Decoding YAML scalars as YAML 1.2 (and go-yaml v3, which Ory's config loader uses) defines
// them: double-quoted escapes and line folding, single-quoted '' and folding, plain multi-line
// folding, literal and folded block scalars with their chomping.

export class YamlError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Line folding of flow scalars: a break becomes a space, n empty lines become n breaks. */
function foldBreak(emptyLines: number): string {
  return emptyLines === 0 ? ' ' : '\n'.repeat(emptyLines);
}

export interface QuotedScan {
  value: string;
  /** Line and column just after the closing quote */
  endLine: number;
  endCol: number;
}

/**
 * A quoted scalar starting at lines[line][col] (the quote), possibly spanning lines.
 * `lineNumber` maps an index to the 1-based line number for messages.
 */
export function scanQuoted(lines: string[], line: number, col: number, lineNumber: (index: number) => number): QuotedScan {
  const quote = lines[line]![col]!;
  const double = quote === '"';
  let out = '';
  let i = col + 1;
  let l = line;
  // Whitespace just before a raw break is dropped; escaped whitespace is not, so track its length.
  let rawTrailing = 0;
  for (;;) {
    const text = lines[l]!;
    if (i >= text.length) {
      // A line break inside the scalar: fold it.
      out = out.slice(0, out.length - rawTrailing);
      rawTrailing = 0;
      let empty = 0;
      l += 1;
      while (l < lines.length && lines[l]!.trim() === '') {
        empty += 1;
        l += 1;
      }
      if (l >= lines.length) throw new YamlError(`a ${double ? 'double' : 'single'}-quoted string is not closed`, lineNumber(line));
      if (/^(---|\.\.\.)(\s|$)/.test(lines[l]!)) throw new YamlError('a document marker inside a quoted string', lineNumber(l));
      out += foldBreak(empty);
      i = lines[l]!.length - lines[l]!.replace(/^[ \t]+/, '').length;
      continue;
    }
    const ch = text[i]!;
    if (ch === quote) {
      if (!double && text[i + 1] === "'") {
        out += "'";
        rawTrailing = 0;
        i += 2;
        continue;
      }
      return { value: out, endLine: l, endCol: i + 1 };
    }
    if (double && ch === '\\') {
      const next = text[i + 1];
      if (next === undefined) {
        // An escaped line break: no space, and the next line's indentation is dropped.
        l += 1;
        if (l >= lines.length) throw new YamlError('a double-quoted string is not closed', lineNumber(line));
        let empty = 0;
        while (l < lines.length && lines[l]!.trim() === '') {
          empty += 1;
          l += 1;
        }
        if (l >= lines.length) throw new YamlError('a double-quoted string is not closed', lineNumber(line));
        out += '\n'.repeat(empty);
        rawTrailing = 0;
        i = lines[l]!.length - lines[l]!.replace(/^[ \t]+/, '').length;
        continue;
      }
      if (next in HEX_ESCAPES) {
        const digits = HEX_ESCAPES[next]!;
        const hex = text.slice(i + 2, i + 2 + digits);
        if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(hex))
          throw new YamlError(`bad escape \\${next}${hex} in a double-quoted string`, lineNumber(l));
        out += String.fromCodePoint(parseInt(hex, 16));
        rawTrailing = 0;
        i += 2 + digits;
        continue;
      }
      const escaped = ESCAPES[next];
      if (escaped === undefined) throw new YamlError(`unknown escape \\${next} in a double-quoted string`, lineNumber(l));
      out += escaped;
      rawTrailing = 0;
      i += 2;
      continue;
    }
    out += ch;
    rawTrailing = ch === ' ' || ch === '\t' ? rawTrailing + 1 : 0;
    i += 1;
  }
}

/** Plain scalar lines (each already trimmed; '' for an empty line) folded into one value. */
export function foldPlain(parts: string[]): string {
  let out = parts[0] ?? '';
  let empty = 0;
  for (const part of parts.slice(1)) {
    if (part === '') {
      empty += 1;
      continue;
    }
    out += foldBreak(empty) + part;
    empty = 0;
  }
  return out;
}

export interface BlockHeader {
  style: 'literal' | 'folded';
  chomp: 'clip' | 'strip' | 'keep';
  /** Explicit indentation indicator (1-9), relative to the parent's indentation */
  indent: number | null;
}

/** `|`, `>-`, `|2+`, `>+1 # comment`… ; null when `text` is not a block scalar header. */
export function parseBlockHeader(text: string): BlockHeader | null {
  const match = /^([|>])([1-9][+-]?|[+-][1-9]?)?(?:[ \t]+(?:#.*)?)?$/.exec(text);
  if (!match) return null;
  const indicators = match[2] ?? '';
  const digit = /[1-9]/.exec(indicators);
  return {
    style: match[1] === '|' ? 'literal' : 'folded',
    chomp: indicators.includes('-') ? 'strip' : indicators.includes('+') ? 'keep' : 'clip',
    indent: digit ? Number(digit[0]) : null,
  };
}

/** The content lines of a block scalar (indentation removed; '' for empty lines) as its value. */
export function blockValue(header: BlockHeader, content: string[]): string {
  let end = content.length;
  while (end > 0 && content[end - 1] === '') end -= 1;
  const body = content.slice(0, end);
  const trailing = content.length - end;
  let out = '';
  if (header.style === 'literal') {
    out = body.join('\n');
  } else {
    let previousNormal = false;
    let empty = 0;
    let started = false;
    for (const line of body) {
      if (line === '') {
        empty += 1;
        continue;
      }
      const normal = !/^[ \t]/.test(line);
      if (!started) out += '\n'.repeat(empty);
      else if (previousNormal && normal) out += empty === 0 ? ' ' : '\n'.repeat(empty);
      else out += '\n'.repeat(empty + 1);
      out += line;
      started = true;
      previousNormal = normal;
      empty = 0;
    }
  }
  if (body.length === 0) return header.chomp === 'keep' ? '\n'.repeat(trailing) : '';
  if (header.chomp === 'strip') return out;
  if (header.chomp === 'clip') return `${out}\n`;
  return `${out}\n${'\n'.repeat(trailing)}`;
}

/** What go-yaml v3 makes of a plain scalar (core schema): a string, or another type's name. */
export function plainType(value: string): 'string' | 'null' | 'bool' | 'int' | 'float' {
  if (value === '' || value === '~' || /^(null|Null|NULL)$/.test(value)) return 'null';
  if (/^(true|True|TRUE|false|False|FALSE)$/.test(value)) return 'bool';
  if (
    /^[-+]?(0|[1-9][0-9_]*)$/.test(value) ||
    /^0x[0-9a-fA-F_]+$/.test(value) ||
    /^0o?[0-7_]+$/.test(value) ||
    /^[-+]?0b[01_]+$/.test(value)
  )
    return 'int';
  if (
    /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(value) ||
    /^[-+]?\.(inf|Inf|INF)$/.test(value) ||
    /^\.(nan|NaN|NAN)$/.test(value)
  )
    return 'float';
  return 'string';
}
