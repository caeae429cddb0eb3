// Before any statement of an input (typed line, paste) runs, the console (full-screen and line
// mode) asks once about every destructive statement in it: declining runs none of them. The classifier decides what is
// destructive (ui/sql/destructive.ts); this file only words the question.
import type { SqlDialect } from '../../sql/dialect.js';
import type { ProfileSettings } from '../../profiles/target.js';
import { destructiveToConfirm } from '../sql/destructive.js';

export interface InputDanger {
  /** Shown above the listed statements */
  title: string;
  /** The destructive statements themselves: the person must see what would run */
  lines: string[];
  /** Put to the person in the status line */
  question: string;
  /** The question as one line of text, without keys (the line-mode console adds its [y/N]) */
  ask: string;
  /** Said when the person declines */
  declined: string;
}

export function inputDanger(statements: readonly string[], dialect: SqlDialect, settings: ProfileSettings): InputDanger | null {
  const dangers = statements.flatMap((statement) => {
    const reason = destructiveToConfirm(statement, dialect, settings);
    return reason === null ? [] : [{ statement, reason }];
  });
  const first = dangers[0];
  if (first === undefined) return null;
  const who = settings.production ? 'production profile' : 'confirm';
  if (statements.length === 1) {
    return {
      title: `${first.reason}: run this statement? y runs it, any other key cancels`,
      lines: first.statement.split('\n'),
      question: `${who}: ${first.reason} — press y to run it, any other key cancels`,
      ask: `${first.reason}: run this statement?`,
      declined: 'Not run (cancelled).',
    };
  }
  const reasons = [...new Set(dangers.map((danger) => danger.reason))].join('; ');
  return {
    title: `${dangers.length} of ${statements.length} statements destroy data (${reasons}): run all ${statements.length}? y runs them, any other key runs none`,
    lines: dangers.flatMap((danger) => [`-- ${danger.reason}:`, ...danger.statement.split('\n')]),
    question: `${who}: ${dangers.length} of ${statements.length} statements destroy data — press y to run them, any other key runs none`,
    ask: `${dangers.length} of ${statements.length} statements destroy data (${reasons}): run all ${statements.length}?`,
    declined: `Not run (cancelled): none of the ${statements.length} statements ran.`,
  };
}
