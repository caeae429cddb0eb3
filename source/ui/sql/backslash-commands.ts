// psql-style backslash commands typed at the prompt, parsed into data the app acts on.

export type BackslashCommand =
  | { kind: 'quit' }
  | { kind: 'listTables'; pattern: string | null; only: 'table' | 'view' | null }
  | { kind: 'listIndexes'; pattern: string | null }
  | { kind: 'listFunctions'; pattern: string | null }
  | { kind: 'describe'; name: string }
  | { kind: 'listSchemas' }
  | { kind: 'listDatabases' }
  | { kind: 'toggleRecord' }
  | { kind: 'toggleTiming' }
  | { kind: 'setVi'; on: boolean }
  | { kind: 'connInfo' }
  | { kind: 'connect'; database: string }
  | { kind: 'export'; file: string }
  | { kind: 'help' }
  | { kind: 'sessions'; replicas: number | null }
  | { kind: 'locks' }
  | { kind: 'ory'; exact: boolean }
  | { kind: 'namedList' }
  | { kind: 'watch'; seconds: number }
  | { kind: 'namedRun'; name: string; args: string }
  | { kind: 'namedSave'; name: string; sql: string }
  | { kind: 'namedDelete'; name: string }
  | { kind: 'explain'; sql: string; analyze: boolean }
  | { kind: 'unknown'; text: string };

export const backslashHelp: ReadonlyArray<readonly [string, string]> = [
  ['\\d [NAME]', 'describe a table or view as psql does; alone: list tables and views'],
  ['\\dt [PATTERN]', 'list tables (PATTERN: * ? schema.name, "Quoted" keeps case)'],
  ['\\dv [PATTERN]', 'list views'],
  ['\\di [PATTERN]', 'list indexes'],
  ['\\df [PATTERN]', 'list functions and procedures'],
  ['\\dn', 'list schemas'],
  ['\\l', 'list databases (where the backend has several)'],
  ['\\x', 'toggle the record (expanded) view'],
  ['\\timing', 'toggle showing elapsed time'],
  ['\\set vi on|off', 'vi editing at the prompt (Esc: normal mode); "vi": true in keys.json starts in it'],
  ['\\conninfo', 'show the connection'],
  ['\\c DBNAME', 'connect to another database of the server, the other settings kept (MySQL: USE)'],
  ['\\export FILE', 'run the last query again into FILE (.csv .tsv .json .ndjson)'],
  ['\\sessions [N]', 'server sessions by application, user and client; headroom; budget for N replicas'],
  ['\\locks', 'who blocks whom: the waiting and blocking statements and their ages'],
  ['\\ory [exact]', 'Kratos/Hydra/Keto schema: tables, migration version, cleanup preview (never run)'],
  ['\\ns NAME SQL', 'save a query; $1 $2… are arguments, $* $@ the rest'],
  ['\\n [NAME [ARGS]]', 'run a saved query as if typed; \\n alone lists'],
  ['\\nd NAME', 'delete a named query'],
  ['\\watch [SECONDS]', 're-run the last read-only statement; a key stops'],
  ['\\explain [analyze] SQL', 'the plan as a tree (analyze: runs it, read-only only); F5'],
  ['SQL\\G', 'run it, showing the result as records (mycli)'],
  ['\\e', 'edit the line (or last statement) in $EDITOR'],
  ['\\?', 'this help'],
  ['\\q', 'quit'],
];

/** psql's and pgcli's default interval; the bounds keep a typo from hammering the server or never running. */
const DEFAULT_WATCH_SECONDS = 2;
const MIN_WATCH_SECONDS = 0.1;
const MAX_WATCH_SECONDS = 86_400;

export function isBackslashCommand(text: string): boolean {
  return text.trimStart().startsWith('\\');
}

export function parseBackslashCommand(text: string): BackslashCommand {
  const named = parseNamedQueryCommand(text.trim());
  if (named !== null) return named;
  const explain = parseExplainCommand(text.trim());
  if (explain !== null) return explain;
  const [word = '', ...args] = text.trim().replace(/;$/, '').split(/\s+/);
  const argument = args.join(' ').trim();
  switch (word) {
    case '\\q':
    case '\\quit':
      return { kind: 'quit' };
    // psql's + (more detail) is taken as the same command: comments are always shown.
    case '\\dt':
    case '\\dt+':
    case '\\dv':
    case '\\dv+':
      return { kind: 'listTables', pattern: argument === '' ? null : argument, only: word.startsWith('\\dt') ? 'table' : 'view' };
    case '\\di':
    case '\\di+':
      return { kind: 'listIndexes', pattern: argument === '' ? null : argument };
    case '\\df':
    case '\\df+':
      return { kind: 'listFunctions', pattern: argument === '' ? null : argument };
    case '\\d':
    case '\\d+':
      return argument === '' ? { kind: 'listTables', pattern: null, only: null } : { kind: 'describe', name: argument };
    case '\\dn':
      return { kind: 'listSchemas' };
    case '\\l':
    case '\\list':
      return { kind: 'listDatabases' };
    case '\\x':
      return { kind: 'toggleRecord' };
    case '\\timing':
      return { kind: 'toggleTiming' };
    case '\\set': {
      const [name = '', value = ''] = args;
      if (name === 'vi' && args.length === 2 && /^(on|off|true|false)$/i.test(value))
        return { kind: 'setVi', on: /^(on|true)$/i.test(value) };
      if (name === 'vi' && args.length === 1) return { kind: 'unknown', text: '\\set vi needs on or off (\\set vi on)' };
      return { kind: 'unknown', text: `\\set ${argument}: the setting dsnsh knows is vi (\\set vi on, \\set vi off)` };
    }
    case '\\conninfo':
      return { kind: 'connInfo' };
    case '\\c':
    case '\\connect': {
      // psql's quoting: "My DB" keeps its case and spaces. User, host and port stay the target's.
      const quoted = /^"(.+)"$/.exec(argument);
      const database = quoted ? quoted[1]!.replace(/""/g, '"') : argument;
      if (database === '' || (!quoted && /\s/.test(database)))
        return { kind: 'unknown', text: `${word} takes one database name (\\c DBNAME; user, host and port stay the profile's)` };
      return { kind: 'connect', database };
    }
    case '\\export':
    case '\\o':
      return argument === '' ? { kind: 'unknown', text: `${word} needs a file name` } : { kind: 'export', file: argument };
    case '\\?':
    case '\\h':
    case '\\help':
      return { kind: 'help' };
    case '\\sessions':
      if (argument === '') return { kind: 'sessions', replicas: null };
      return /^[1-9][0-9]{0,3}$/.test(argument)
        ? { kind: 'sessions', replicas: Number(argument) }
        : { kind: 'unknown', text: `\\sessions takes a replica count (a whole number from 1), not "${argument}"` };
    case '\\locks':
      return { kind: 'locks' };
    case '\\watch': {
      if (argument === '') return { kind: 'watch', seconds: DEFAULT_WATCH_SECONDS };
      const seconds = /^\d+(\.\d+)?$/.test(argument) ? Number(argument) : Number.NaN;
      return seconds >= MIN_WATCH_SECONDS && seconds <= MAX_WATCH_SECONDS
        ? { kind: 'watch', seconds }
        : {
            kind: 'unknown',
            text: `\\watch takes the seconds between runs (${MIN_WATCH_SECONDS} to ${MAX_WATCH_SECONDS}), not "${argument}"`,
          };
    }
    case '\\ory':
      if (argument === '' || argument === 'exact') return { kind: 'ory', exact: argument === 'exact' };
      return { kind: 'unknown', text: `\\ory takes only "exact" (count rows instead of the server's estimate), not "${argument}"` };
    default:
      return { kind: 'unknown', text: word };
  }
}

/** `\e` at the end of a line asks for the external editor: the text before it (may be empty), else null. */
export function editorRequest(text: string): string | null {
  const match = /^([\s\S]*?)(?:^|\s)\\e\s*$/.exec(text);
  return match ? (match[1] ?? '').trim() : null;
}

/** mycli's `\G` ending a statement (`select * from t\G`): the statement without it, else null. */
export function recordViewRequest(statement: string): string | null {
  const match = /^([\s\S]*?)\s*\\G\s*;?\s*$/.exec(statement);
  return match && (match[1] ?? '').trim() !== '' ? (match[1] ?? '') : null;
}

/** pgcli's named-query commands; the SQL and the arguments are kept as typed (line breaks, quotes). */
function parseNamedQueryCommand(text: string): BackslashCommand | null {
  const match = /^(\\n[sd]?)(?:\s+(\S+))?(?:\s+([\s\S]*))?$/.exec(text);
  if (!match) return null;
  const [, word, typedName, rest = ''] = match;
  // `\n name;` as psql habits type it: the `;` ends the command, it is not part of the name.
  const name = word === '\\ns' || rest !== '' ? typedName : typedName?.replace(/;$/, '') || undefined;
  const body = rest.trim();
  if (word === '\\n') return name === undefined ? { kind: 'namedList' } : { kind: 'namedRun', name, args: body.replace(/;$/, '') };
  if (word === '\\nd') {
    if (name === undefined || body !== '') return { kind: 'unknown', text: '\\nd takes one name: \\nd NAME' };
    return { kind: 'namedDelete', name };
  }
  const sql = body.replace(/;\s*$/, '');
  if (name === undefined || sql === '') return { kind: 'unknown', text: '\\ns needs a name and the SQL: \\ns NAME SQL' };
  return { kind: 'namedSave', name, sql };
}

/** `\explain [analyze] SQL`: the SQL kept as typed (line breaks, strings with spaces). */
function parseExplainCommand(text: string): BackslashCommand | null {
  const match = /^\\explain(?:\s+([\s\S]*))?$/i.exec(text);
  if (!match) return null;
  const rest = match[1] ?? '';
  const analyze = /^analy[sz]e(?:\s|$)/i.exec(rest);
  return { kind: 'explain', analyze: analyze !== null, sql: analyze ? rest.slice(analyze[0].length).trim() : rest.trim() };
}
