// Tracks BEGIN ... END nesting inside CREATE TRIGGER / PROCEDURE / FUNCTION / EVENT statements,
// whose bodies contain `;` that do not end the statement. Outside such statements it stays idle,
// so a column named `begin` or a CASE expression in an ordinary query never matters.
import type { Token } from './lex.js';

const ROUTINE_WORDS = new Set(['TRIGGER', 'PROCEDURE', 'FUNCTION', 'EVENT']);
/** MySQL compound statements closed by `END IF` etc. whose opener did not count as a block */
const END_SUFFIX_NOT_COUNTED = new Set(['IF', 'LOOP', 'WHILE', 'REPEAT']);
/** Words that may stand right before the routine keyword (CREATE OR REPLACE TEMP TRIGGER …) */
const ROUTINE_PREFIX = new Set(['CREATE', 'REPLACE', 'TEMP', 'TEMPORARY', 'CONSTRAINT', 'AGGREGATE']);
/** How far into a CREATE statement the routine keyword may appear (CREATE DEFINER=`a`@`b` PROCEDURE) */
const ROUTINE_KEYWORD_WINDOW = 12;

export class BlockTracker {
  private tokens = 0;
  private isCreate = false;
  private routine = false;
  private depth = 0;
  private afterEnd = false;
  private previousWord: string | null = null;
  private sawDefiner = false;

  inBody(): boolean {
    return this.depth > 0;
  }

  see(token: Token, sql: string): void {
    this.tokens += 1;
    if (token.kind !== 'word') {
      if (token.kind === 'other' && sql[token.start] === '(' && !this.routine) this.isCreate = false;
      this.afterEnd = false;
      this.previousWord = null;
      return;
    }
    const word = sql.slice(token.start, token.end).toUpperCase();
    const previousWord = this.previousWord;
    this.previousWord = word;
    if (this.tokens === 1) {
      this.isCreate = word === 'CREATE';
      return;
    }
    if (!this.routine) {
      // `CREATE TABLE event (…)` is not a routine: the keyword must follow CREATE and its modifiers.
      if (word === 'DEFINER') this.sawDefiner = true;
      const placed = (previousWord !== null && ROUTINE_PREFIX.has(previousWord)) || this.sawDefiner;
      if (this.isCreate && this.tokens <= ROUTINE_KEYWORD_WINDOW && ROUTINE_WORDS.has(word) && placed) this.routine = true;
      return;
    }
    if (this.afterEnd) {
      this.afterEnd = false;
      // `END IF;` closes an IF that never opened a block: undo the END's decrement.
      if (END_SUFFIX_NOT_COUNTED.has(word)) {
        this.depth += 1;
        return;
      }
      // `END CASE`: the CASE already counted; this CASE is not a new opener.
      if (word === 'CASE') return;
    }
    if (word === 'BEGIN' || word === 'CASE') this.depth += 1;
    else if (word === 'END' && this.depth > 0) {
      this.depth -= 1;
      this.afterEnd = true;
    }
  }
}
