// What the result area shows after a statement or command. A `transient` outcome (a question
// before a statement runs, the migration list, a connection retrying) is not kept in the scrollback
// when the next one replaces it.
import type { ResultSource } from './result-source.js';

interface Kept {
  transient?: boolean;
}

export type Outcome = Kept &
  (
    | { kind: 'rows'; source: ResultSource; elapsedMs: number; statement: string }
    | {
        kind: 'done';
        summary: string;
        elapsedMs: number;
        statement: string;
        /** the server's warnings (MySQL SHOW WARNINGS) */ warnings?: string[];
      }
    | { kind: 'error'; message: string; hint: string | null; statement: string; position: number | null; cause?: unknown }
    | { kind: 'info'; title: string; lines: string[]; statement?: string }
  );

/** "INSERT · 3 rows affected" */
export function describeWrite(command: string | null, affectedRows: number | null): string {
  const verb = command ?? 'OK';
  if (affectedRows === null) return verb;
  return `${verb} · ${affectedRows} ${affectedRows === 1 ? 'row' : 'rows'} affected`;
}

export function formatElapsed(ms: number): string {
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** The statement's line holding the error position, and a caret line under it. */
export function markPosition(statement: string, position: number | null): string[] {
  if (position === null || position < 1) return [];
  const index = Math.min(position - 1, statement.length);
  const lineStart = statement.lastIndexOf('\n', index - 1) + 1;
  const lineEndAt = statement.indexOf('\n', index);
  const line = statement.slice(lineStart, lineEndAt === -1 ? undefined : lineEndAt);
  const lineNumber = statement.slice(0, lineStart).split('\n').length;
  const prefix = `LINE ${lineNumber}: `;
  return [prefix + line, ' '.repeat(prefix.length + index - lineStart) + '^'];
}
