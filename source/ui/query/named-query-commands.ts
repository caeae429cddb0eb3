// pgcli's named queries at the prompt: `\ns` saves, `\nd` deletes, `\n` lists, and `\n NAME ARGS`
// becomes the SQL to run (the console then runs it exactly as if it had been typed). These need no
// connection: they answer from the per-user store.
import type { NamedQueryStore } from '../../profiles/named-query-store.js';
import { splitArguments, substituteArguments, type Substituted } from '../../sql/named-query-arguments.js';
import type { BackslashCommand } from '../sql/backslash-commands.js';
import { isBackslashCommand } from '../sql/backslash-commands.js';
import type { Outcome } from './outcome.js';
import { ResultSource } from './result-source.js';

type NamedCommand = Extract<BackslashCommand, { kind: 'namedList' | 'namedSave' | 'namedDelete' }>;

export function isNamedQueryCommand(command: BackslashCommand): command is NamedCommand {
  return command.kind === 'namedList' || command.kind === 'namedSave' || command.kind === 'namedDelete';
}

export async function runNamedQueryCommand(command: NamedCommand, store: NamedQueryStore, statement: string): Promise<Outcome> {
  try {
    if (command.kind === 'namedSave') {
      // A saved query is SQL: a backslash command inside one could run named queries in a loop.
      if (isBackslashCommand(command.sql))
        return failure(
          `The named query ${command.name} must be SQL, not a backslash command.`,
          'Save the SQL itself: \\ns NAME SELECT …',
          statement,
        );
      await store.save(command.name, command.sql);
      return {
        kind: 'info',
        title: `Saved the named query ${command.name}; run it with \\n ${command.name}.`,
        lines: command.sql.split('\n'),
      };
    }
    if (command.kind === 'namedDelete') {
      await store.remove(command.name);
      return { kind: 'info', title: `Deleted the named query ${command.name}.`, lines: [] };
    }
    const queries = store.list();
    if (queries.length === 0)
      return {
        kind: 'info',
        title: 'No named queries yet.',
        lines: ['Save one with \\ns NAME SQL (e.g. \\ns by_id select * from users where id = $1), run it with \\n NAME ARGS.'],
      };
    const column = (name: string) => ({ name, type: 'text' });
    return {
      kind: 'rows',
      source: ResultSource.fromRows(
        [column('name'), column('query')],
        queries.map((query) => [query.name, query.sql]),
      ),
      elapsedMs: 0,
      statement,
    };
  } catch (error) {
    return failure(
      error instanceof Error ? error.message : String(error),
      ((error as { hint?: unknown }).hint as string) ?? null,
      statement,
    );
  }
}

/** The SQL that `\n NAME ARGS` stands for, or why it cannot run (unknown name, arguments missing). */
export function resolveNamedQuery(store: NamedQueryStore, name: string, argumentLine: string): Substituted {
  let sql: string | null;
  try {
    sql = store.get(name);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error), hint: 'Fix or move the file.' };
  }
  if (sql === null) return { ok: false, message: `No named query ${name}.`, hint: '\\n lists the saved queries; \\ns NAME SQL saves one.' };
  // Only a hand-edited file can hold one; running it could loop through named queries.
  if (isBackslashCommand(sql))
    return {
      ok: false,
      message: `The named query ${name} holds a backslash command, not SQL.`,
      hint: `Save it again as SQL with \\ns ${name} SQL.`,
    };
  const split = splitArguments(argumentLine);
  if (!split.ok)
    return { ok: false, message: `The arguments of \\n ${name}: ${split.message}.`, hint: 'Close the quote; "two words" is one argument.' };
  return substituteArguments(name, sql, split.args);
}

function failure(message: string, hint: string | null, statement: string): Outcome {
  return { kind: 'error', message, hint, statement, position: null };
}
