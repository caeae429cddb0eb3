// psql-style backslash commands typed at the prompt, parsed into data the app acts on.

export type BackslashCommand =
  | { kind: 'quit' }
  | { kind: 'listTables'; pattern: string | null }
  | { kind: 'describe'; name: string }
  | { kind: 'listSchemas' }
  | { kind: 'listDatabases' }
  | { kind: 'toggleRecord' }
  | { kind: 'toggleTiming' }
  | { kind: 'connInfo' }
  | { kind: 'export'; file: string }
  | { kind: 'help' }
  | { kind: 'unknown'; text: string };

export const backslashHelp: ReadonlyArray<readonly [string, string]> = [
  ['\\dt [PATTERN]', 'list tables and views'],
  ['\\d NAME', 'describe a table (columns); \\d alone lists tables'],
  ['\\dn', 'list schemas'],
  ['\\l', 'list databases (where the backend has several)'],
  ['\\x', 'toggle the record (expanded) view'],
  ['\\timing', 'toggle showing elapsed time'],
  ['\\conninfo', 'show the connection'],
  ['\\export FILE', 'run the last query again into FILE (.csv .tsv .json .ndjson)'],
  ['\\?', 'this help'],
  ['\\q', 'quit'],
];

export function isBackslashCommand(text: string): boolean {
  return text.trimStart().startsWith('\\');
}

export function parseBackslashCommand(text: string): BackslashCommand {
  const [word = '', ...args] = text.trim().replace(/;$/, '').split(/\s+/);
  const argument = args.join(' ').trim();
  switch (word) {
    case '\\q': case '\\quit': return { kind: 'quit' };
    case '\\dt': case '\\dv': return { kind: 'listTables', pattern: argument === '' ? null : argument };
    case '\\d': return argument === '' ? { kind: 'listTables', pattern: null } : { kind: 'describe', name: argument };
    case '\\dn': return { kind: 'listSchemas' };
    case '\\l': case '\\list': return { kind: 'listDatabases' };
    case '\\x': return { kind: 'toggleRecord' };
    case '\\timing': return { kind: 'toggleTiming' };
    case '\\conninfo': return { kind: 'connInfo' };
    case '\\export': case '\\o': return argument === '' ? { kind: 'unknown', text: `${word} needs a file name` } : { kind: 'export', file: argument };
    case '\\?': case '\\h': case '\\help': return { kind: 'help' };
    default: return { kind: 'unknown', text: word };
  }
}

/** Matches a psql-style pattern (`*` and `?` wildcards, case-insensitive) against a name. */
export function matchesPattern(pattern: string | null, name: string): boolean {
  if (pattern === null) return true;
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return regex.test(name);
}
