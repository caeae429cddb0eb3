import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyPrompt, promptReducer, type PromptAction, type PromptBuffer } from '../../../source/ui/state/prompt-buffer.js';

function apply(state: PromptBuffer, ...actions: PromptAction[]): PromptBuffer {
  return actions.reduce(promptReducer, state);
}
function at(text: string, cursor = text.length): PromptBuffer {
  return { ...emptyPrompt(), text, cursor };
}

describe('prompt buffer', () => {
  const cases: Array<[string, PromptBuffer, PromptAction[], string, number]> = [
    ['inserts at the cursor', at('selct', 3), [{ type: 'insert', text: 'e' }], 'select', 4],
    ['normalises CRLF and drops ESC', at(''), [{ type: 'insert', text: 'a\r\nb\x1b[31m' }], 'a\nb[31m', 7],
    ['backspace deletes a whole emoji', at('a😀'), [{ type: 'backspace' }], 'a', 1],
    ['left skips a surrogate pair', at('a😀'), [{ type: 'left' }], 'a😀', 1],
    ['home goes to the start of the current line', at('ab\ncd'), [{ type: 'home' }], 'ab\ncd', 3],
    ['end goes to the end of the current line', at('ab\ncd', 0), [{ type: 'end' }], 'ab\ncd', 2],
    ['Ctrl+K kills to end of line', at('select 1 from t', 8), [{ type: 'killToEnd' }], 'select 1', 8],
    ['Ctrl+K at line end joins lines', at('a\nb', 1), [{ type: 'killToEnd' }], 'ab', 1],
    ['Ctrl+U kills to start of line', at('x\nselect 1', 10), [{ type: 'killToStart' }], 'x\n', 2],
    ['Ctrl+W deletes the word before', at('select foo_bar  '), [{ type: 'deleteWordBefore' }], 'select ', 7],
    ['word left', at('select foo.bar'), [{ type: 'wordLeft' }], 'select foo.bar', 11],
    ['word right', at('select foo', 0), [{ type: 'wordRight' }, { type: 'wordRight' }], 'select foo', 10],
    ['newline inserts a line break', at('a'), [{ type: 'newline' }, { type: 'insert', text: 'b' }], 'a\nb', 3],
    ['up moves between lines keeping the column', at('abc\nde', 6), [{ type: 'up' }], 'abc\nde', 2],
    ['delete at end does nothing', at('a'), [{ type: 'delete' }], 'a', 1],
  ];
  it.each(cases)('%s', (_name, start, actions, text, cursor) => {
    const end = apply(start, ...actions);
    expect(end.text).toBe(text);
    expect(end.cursor).toBe(cursor);
  });

  it('browses history with up and down and restores the draft', () => {
    let state = { ...emptyPrompt(['one', 'two']), text: 'dra', cursor: 3 };
    state = apply(state, { type: 'up' });
    expect(state.text).toBe('two');
    state = apply(state, { type: 'up' }, { type: 'up' });
    expect(state.text).toBe('one');
    state = apply(state, { type: 'down' });
    expect(state.text).toBe('two');
    state = apply(state, { type: 'down' });
    expect(state.text).toBe('dra');
    expect(state.historyIndex).toBeNull();
  });

  it('a paste split into any chunks gives the same buffer as one paste', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'é', '😀', '\n', '\r', '\r\n', ' ', ';', '\t', '中'), maxLength: 200 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (text, cuts) => {
          const positions = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
          const chunks: string[] = [];
          let previous = 0;
          for (const position of positions) {
            chunks.push(text.slice(previous, position));
            previous = position;
          }
          chunks.push(text.slice(previous));
          const whole = apply(emptyPrompt(), { type: 'insert', text });
          const pieces = apply(emptyPrompt(), ...chunks.map((chunk) => ({ type: 'insert', text: chunk }) as PromptAction));
          expect(pieces.text).toBe(whole.text);
          expect(pieces.cursor).toBe(whole.cursor);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('typing one character at a time equals inserting the whole string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (text) => {
        const typed = apply(emptyPrompt(), ...[...text].map((char) => ({ type: 'insert', text: char }) as PromptAction));
        const pasted = apply(emptyPrompt(), { type: 'insert', text });
        expect(typed.text).toBe(pasted.text);
      }),
    );
  });
});
