// `dsnsh dsn explain DSN [--json]`: parse, validate and explain a DSN with the password redacted.
// Exit codes: 0 explained, 2 bad DSN or usage.
import { DsnError } from '../dsn/errors.js';
import { parseDsn, redactDsn } from '../dsn/parse-dsn.js';
import { explainJson } from './explain-json.js';
import { explainText } from './explain-text.js';
import { escapeControls } from '../output/value-text.js';

const USAGE = `Usage: dsnsh dsn explain DSN [--json]

Parse, validate and explain a DSN as the Go service reading it would (Ory's rewriting,
pgx, go-sql-driver/mysql, mattn/go-sqlite3): backend, target, every parameter with its
value (or the effective default when absent) and meaning, the connection as the service
would use it (TLS, foreign keys, the SQL sent on connect, where each value comes from:
the DSN, the PG* environment, ~/.pgpass, a service file, a default) and warnings. The
password is never printed. Without DSN, the DSN environment variable is explained.

Options:
  --json      print one JSON object: backend, dsn, host, port, socket, path, database,
              user, pool, params, warnings, effective {hosts, port, database, user,
              passwordFrom, sslmode, tls {encrypt, verify}, targetSessionAttrs,
              foreignKeys, sessionSql, startupParameters, pool} and sources {key: where};
              pool.maxConns 0 = unlimited (on a bad DSN: {"error": {code, param, message, hint}})
  -h, --help  show this help

Examples:
  dsnsh dsn explain memory
  dsnsh dsn explain 'sqlite:///var/lib/kratos/db.sqlite?_fk=true'
  dsnsh dsn explain 'postgres://kratos:secret@db:5432/kratos?sslmode=verify-full'
  dsnsh dsn explain 'mysql://kratos:secret@tcp(db:3306)/kratos?max_conns=20' --json
  dsnsh dsn explain 'cockroach://root@crdb:26257/defaultdb?sslmode=disable'

Exit codes: 0 explained, 2 bad DSN or usage.
`;

export async function run(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === undefined) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (subcommand === '--help' || subcommand === '-h' || subcommand === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (subcommand !== 'explain') {
    process.stderr.write(`dsnsh dsn: unknown command "${subcommand}".\n\n${USAGE}`);
    return 2;
  }
  return explain(rest);
}

function explain(args: string[]): number {
  let json = false;
  const positional: string[] = [];
  let optionsEnded = false;
  for (const arg of args) {
    if (!optionsEnded && arg === '--') optionsEnded = true;
    else if (!optionsEnded && (arg === '--help' || arg === '-h')) {
      process.stdout.write(USAGE);
      return 0;
    } else if (!optionsEnded && arg === '--json') json = true;
    else if (!optionsEnded && arg.startsWith('-') && arg.length > 1) return usageError(`unknown option "${arg}"`);
    else positional.push(arg);
  }
  if (positional.length > 1) return usageError('give one DSN (quote it: it may contain & and ?)');
  const dsn = positional[0] ?? process.env.DSN;
  if (dsn === undefined) return usageError('give a DSN to explain (or set the DSN environment variable)');

  try {
    const parsed = parseDsn(dsn);
    process.stdout.write(json ? `${JSON.stringify(explainJson(parsed), null, 2)}\n` : terminalSafe(explainText(parsed)));
    return 0;
  } catch (error) {
    if (!(error instanceof DsnError)) throw error;
    if (json) process.stdout.write(`${JSON.stringify({ error: error.toJSON() }, null, 2)}\n`);
    else {
      process.stderr.write(terminalSafe(`dsnsh: invalid DSN ${quoteForMessage(dsn)}: ${error.message}\n`));
      process.stderr.write(terminalSafe(`hint: ${error.hint}\n`));
    }
    return 2;
  }
}

function quoteForMessage(dsn: string): string {
  const redacted = redactDsn(dsn);
  return redacted.length > 120 ? `"${redacted.slice(0, 117)}..."` : `"${redacted}"`;
}

function usageError(problem: string): number {
  process.stderr.write(`dsnsh dsn explain: ${problem}.\n\n${USAGE}`);
  return 2;
}

/** A DSN's values are the user's text: control characters are shown escaped, never sent raw. */
function terminalSafe(text: string): string {
  return text.split('\n').map(escapeControls).join('\n');
}
