// Splits a script into single statements for better-sqlite3, whose prepare() takes exactly one.
// Aware of quotes, identifiers, comments and CREATE TRIGGER bodies (BEGIN … END holds `;`).

export interface ScriptStatement {
  /** Statement text without its terminating `;` */
  text: string;
  /** 0-based offset of `text` in the script, so error positions can be mapped back */
  offset: number;
}

/** Words that decide whether a statement is a trigger and where its body ends. */
interface TriggerTracker {
  words: string[];
  inBody: boolean;
  caseDepth: number;
  ended: boolean;
}

const newTracker = (): TriggerTracker => ({ words: [], inBody: false, caseDepth: 0, ended: false });

function isTrigger(words: string[]): boolean {
  if (words[0] !== 'CREATE') return false;
  if (words[1] === 'TRIGGER') return true;
  return (words[1] === 'TEMP' || words[1] === 'TEMPORARY') && words[2] === 'TRIGGER';
}

function trackWord(tracker: TriggerTracker, word: string): void {
  const upper = word.toUpperCase();
  if (tracker.words.length < 3) tracker.words.push(upper);
  if (!isTrigger(tracker.words)) return;
  if (!tracker.inBody) {
    if (upper === 'BEGIN') tracker.inBody = true;
    return;
  }
  if (upper === 'CASE') tracker.caseDepth += 1;
  else if (upper === 'END') {
    if (tracker.caseDepth > 0) tracker.caseDepth -= 1;
    else tracker.ended = true;
  }
}

/** Index just past a quoted run starting at `start` (closing quote doubled = escaped). */
function skipQuoted(sql: string, start: number, close: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === close) {
      if (close !== ']' && sql[i + 1] === close) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return sql.length;
}

function skipComment(sql: string, start: number): number {
  if (sql.startsWith('--', start)) {
    const end = sql.indexOf('\n', start);
    return end === -1 ? sql.length : end + 1;
  }
  const end = sql.indexOf('*/', start + 2);
  return end === -1 ? sql.length : end + 2;
}

export function splitStatements(sql: string): ScriptStatement[] {
  const statements: ScriptStatement[] = [];
  let start = 0;
  let hasTokens = false;
  let tracker = newTracker();
  const finish = (end: number) => {
    if (hasTokens) {
      const raw = sql.slice(start, end);
      const lead = raw.length - raw.trimStart().length;
      statements.push({ text: raw.trim(), offset: start + lead });
    }
    start = end + 1;
    hasTokens = false;
    tracker = newTracker();
  };
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"' || ch === '`' || ch === '[') {
      i = skipQuoted(sql, i, ch === '[' ? ']' : ch);
      hasTokens = true;
    } else if (sql.startsWith('--', i) || sql.startsWith('/*', i)) {
      i = skipComment(sql, i);
    } else if (/[A-Za-z_]/.test(ch)) {
      let end = i + 1;
      while (end < sql.length && /[A-Za-z0-9_$]/.test(sql[end]!)) end += 1;
      trackWord(tracker, sql.slice(i, end));
      hasTokens = true;
      i = end;
    } else if (ch === ';') {
      const insideTrigger = isTrigger(tracker.words) && tracker.inBody && !tracker.ended;
      if (insideTrigger) i += 1;
      else {
        finish(i);
        i += 1;
      }
    } else {
      if (!/\s/.test(ch)) hasTokens = true;
      i += 1;
    }
  }
  finish(sql.length);
  return statements;
}

/**
 * `_txlock` decides the flavour of a bare BEGIN (as the Go driver does for db.Begin()):
 * `BEGIN` / `BEGIN TRANSACTION` become `BEGIN IMMEDIATE` or `BEGIN EXCLUSIVE`.
 */
export function applyTxlock(statement: string, txlock: 'deferred' | 'immediate' | 'exclusive'): string {
  if (txlock === 'deferred') return statement;
  return /^BEGIN(\s+TRANSACTION)?\s*$/i.test(statement) ? `BEGIN ${txlock.toUpperCase()}` : statement;
}
