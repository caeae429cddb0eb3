import { describe, expect, it } from 'vitest';
import { keyEvent, type KeyEvent } from '../../../source/ui/keys/key-event.js';
import { emptyPrompt, promptReducer, type PromptBuffer } from '../../../source/ui/state/prompt-buffer.js';
import { viAfterSubmit, viKey, viModeLabel, viState, type ViState } from '../../../source/ui/state/vi-mode.js';

/** 'sel|ect' is the text "select" with the cursor before the first e. */
function at(marked: string, history: string[] = []): PromptBuffer {
  const cursor = marked.indexOf('|');
  return { ...emptyPrompt(history), text: marked.replace('|', ''), cursor };
}
function show(buffer: PromptBuffer): string {
  return buffer.text.slice(0, buffer.cursor) + '|' + buffer.text.slice(buffer.cursor);
}
const esc = keyEvent('escape');

/** Keys: each string is typed one character at a time; KeyEvents are sent as they are. */
function run(start: PromptBuffer, keys: Array<string | KeyEvent>, vi: ViState = { ...viState(true), mode: 'normal' }) {
  let state = vi;
  let buffer = start;
  const passed: KeyEvent[] = [];
  for (const key of keys) {
    const events = typeof key === 'string' ? [...key].map((text) => keyEvent('char', { text })) : [key];
    for (const event of events) {
      const step = viKey(state, buffer, event);
      state = step.vi;
      buffer = step.buffer;
      if (step.pass) {
        passed.push(step.pass);
        // the prompt's own handling of a passed character: it is typed
        if (step.pass.name === 'char') buffer = promptReducer(buffer, { type: 'insert', text: step.pass.text });
      }
    }
  }
  return { vi: state, buffer, shown: show(buffer), passed };
}

describe('vi mode: modes', () => {
  it('is off by default: every key passes through', () => {
    const step = viKey(viState(false), at('ab|'), esc);
    expect(step.pass).toEqual(esc);
    expect(viModeLabel(viState(false))).toBeNull();
  });
  it('starts in insert mode; Esc goes to normal mode with the cursor on the last typed character', () => {
    const result = run(at('|'), ['select', esc], viState(true));
    expect(result.shown).toBe('selec|t');
    expect(result.vi.mode).toBe('normal');
    expect(viModeLabel(result.vi)).toBe('-- NORMAL --');
    expect(viModeLabel(viState(true))).toBe('-- INSERT --');
  });
  it('i a I A enter insert mode where vi does', () => {
    expect(run(at('  ab|cd'), ['iX']).shown).toBe('  abX|cd');
    expect(run(at('  ab|cd'), ['aX']).shown).toBe('  abcX|d');
    expect(run(at('  ab|cd'), ['IX']).shown).toBe('  X|abcd');
    expect(run(at('  ab|cd'), ['AX']).shown).toBe('  abcdX|');
  });
  it('o and O open a line below and above', () => {
    expect(run(at('select *\nfrom| t'), ['owhere x']).shown).toBe('select *\nfrom t\nwhere x|');
    expect(run(at('select *\nfrom| t'), ['O-- c']).shown).toBe('select *\n-- c|\nfrom t');
  });
  it('Enter, Tab, arrows, Ctrl keys and pastes pass on in normal mode', () => {
    const paste = keyEvent('paste', { text: 'a\nb' });
    const result = run(at('ab|c'), [keyEvent('return'), keyEvent('tab'), keyEvent('r', { ctrl: true }), paste]);
    expect(result.passed.map((event) => event.name)).toEqual(['return', 'tab', 'r', 'paste']);
  });
  it('a run of keys typed fast is commands until one enters insert mode, then text', () => {
    const step = viKey({ ...viState(true), mode: 'normal' }, at('select 1|'), keyEvent('char', { text: '0wAfrom t' }));
    expect(show(step.buffer)).toBe('select 1from t|');
    expect(step.vi.mode).toBe('insert');
  });
  it('after a statement is taken, the next line starts in insert mode with nothing to undo', () => {
    const after = viAfterSubmit({ ...viState(true), mode: 'normal', undo: [{ text: 'x', cursor: 0 }] });
    expect(after.mode).toBe('insert');
    expect(after.undo).toEqual([]);
  });
});

describe('vi mode: motions', () => {
  const text = 'select foo.bar, baz from t|';
  it('h l 0 $ ^', () => {
    expect(run(at('  ab|cd'), ['h']).shown).toBe('  a|bcd');
    expect(run(at('  ab|cd'), ['l']).shown).toBe('  abc|d');
    expect(run(at('  ab|cd'), ['ll']).shown).toBe('  abc|d');
    expect(run(at('  ab|cd'), ['0']).shown).toBe('|  abcd');
    expect(run(at('|  abcd'), ['$']).shown).toBe('  abc|d');
    expect(run(at('  ab|cd'), ['^']).shown).toBe('  |abcd');
  });
  it('w b e stop at punctuation; W B E only at blanks', () => {
    const start = at(text.replace('|', '').replace(/^/, '|'));
    expect(run(start, ['w']).shown).toBe('select |foo.bar, baz from t');
    expect(run(start, ['ww']).shown).toBe('select foo|.bar, baz from t');
    expect(run(start, ['wW']).shown).toBe('select foo.bar, |baz from t');
    expect(run(start, ['e']).shown).toBe('selec|t foo.bar, baz from t');
    expect(run(start, ['we']).shown).toBe('select fo|o.bar, baz from t');
    expect(run(start, ['wE']).shown).toBe('select foo.bar|, baz from t');
    expect(run(at('select foo.bar, baz| from t'), ['b']).shown).toBe('select foo.bar, |baz from t');
    expect(run(at('select foo.bar, |baz from t'), ['b']).shown).toBe('select foo.bar|, baz from t');
    expect(run(at('select foo.bar, |baz from t'), ['B']).shown).toBe('select |foo.bar, baz from t');
  });
  it('counts repeat a motion', () => {
    expect(run(at('|a b c d e'), ['3w']).shown).toBe('a b c |d e');
    expect(run(at('a b c d |e'), ['2b']).shown).toBe('a b |c d e');
  });
  it('f F t T and ; , on the line', () => {
    expect(run(at('|a,b,c,d'), ['f,']).shown).toBe('a|,b,c,d');
    expect(run(at('|a,b,c,d'), ['f,;']).shown).toBe('a,b|,c,d');
    expect(run(at('|a,b,c,d'), ['2f,']).shown).toBe('a,b|,c,d');
    expect(run(at('|a,b,c,d'), ['f,;,']).shown).toBe('a|,b,c,d');
    expect(run(at('|a,b,c,d'), ['t,']).shown).toBe('|a,b,c,d');
    expect(run(at('|a,b,c,d'), ['t,;']).shown).toBe('a,|b,c,d');
    expect(run(at('a,b,c,|d'), ['F,']).shown).toBe('a,b,c|,d');
    expect(run(at('a,b,c,|d'), ['T,']).shown).toBe('a,b,c,|d');
    expect(run(at('a,b,c,|d'), ['fz']).shown).toBe('a,b,c,|d');
  });
  it('j and k move between lines, then through history, as Up and Down do', () => {
    expect(run(at('select 1\nfr|om t'), ['k']).shown).toBe('se|lect 1\nfrom t');
    expect(run(at('se|lect 1\nfrom t'), ['j']).shown).toBe('select 1\nfr|om t');
    const browsed = run(at('|', ['select 1', 'select 2']), ['k']);
    expect(browsed.buffer.text).toBe('select 2');
    expect(run(at('|', ['select 1', 'select 2']), ['2k']).buffer.text).toBe('select 1');
    expect(run(at('|', ['select 1', 'select 2']), ['kkj']).buffer.text).toBe('select 2');
  });
});

describe('vi mode: operators', () => {
  it('x X deletes characters, with counts', () => {
    expect(run(at('ab|cdef'), ['x']).shown).toBe('ab|def');
    expect(run(at('ab|cdef'), ['3x']).shown).toBe('ab|f');
    expect(run(at('ab|cdef'), ['X']).shown).toBe('a|cdef');
  });
  it('dw db de D d$ d0', () => {
    expect(run(at('select |foo bar'), ['dw']).shown).toBe('select |bar');
    expect(run(at('select |foo bar baz'), ['2dw']).shown).toBe('select |baz');
    expect(run(at('select |foo bar baz'), ['d2w']).shown).toBe('select |baz');
    expect(run(at('select foo |bar'), ['db']).shown).toBe('select |bar');
    expect(run(at('select |foo bar'), ['de']).shown).toBe('select | bar');
    expect(run(at('select |foo bar'), ['D']).shown).toBe('select| ');
    expect(run(at('select |foo bar'), ['d$']).shown).toBe('select| ');
    expect(run(at('select |foo bar'), ['d0']).shown).toBe('|foo bar');
  });
  it('dw on the last word of a line keeps the line break', () => {
    expect(run(at('select |foo\nfrom t'), ['dw']).buffer.text).toBe('select \nfrom t');
  });
  it('dd deletes lines; the cursor goes to the next line', () => {
    expect(run(at('select 1\nfr|om t\nwhere x'), ['dd']).shown).toBe('select 1\n|where x');
    expect(run(at('select 1\nfrom t\nwh|ere x'), ['dd']).shown).toBe('select 1\n|from t');
    expect(run(at('select 1\nfr|om t\nwhere x'), ['2dd']).shown).toBe('|select 1');
    expect(run(at('sel|ect 1'), ['dd']).shown).toBe('|');
  });
  it('cw cc C change and enter insert mode', () => {
    const cw = run(at('select |foo bar'), ['cwbaz']);
    expect(cw.shown).toBe('select baz| bar');
    expect(cw.vi.mode).toBe('insert');
    expect(run(at('select 1\nfr|om t'), ['ccwhere']).shown).toBe('select 1\nwhere|');
    expect(run(at('select |foo bar'), ['C*']).shown).toBe('select *|');
    expect(run(at('select |foo bar'), ['c2wx']).shown).toBe('select x|');
  });
  it('r replaces characters under the cursor', () => {
    expect(run(at('sel|ect'), ['rE']).shown).toBe('sel|Ect');
    expect(run(at('sel|ect'), ['3rx']).shown).toBe('selxx|x');
    expect(run(at('sel|ect'), ['9rx']).shown).toBe('sel|ect');
  });
  it('p P put what d, x and y took', () => {
    expect(run(at('|ab'), ['xp']).shown).toBe('b|a');
    expect(run(at('select |foo bar'), ['dwP']).shown).toBe('select foo| bar');
    expect(run(at('select |foo bar'), ['ywP']).shown).toBe('select foo| foo bar');
    expect(run(at('on|e\ntwo'), ['ddp']).shown).toBe('two\n|one');
    expect(run(at('one\ntw|o'), ['yyP']).shown).toBe('one\n|two\ntwo');
  });
  it('u undoes the last change, an insert session as one', () => {
    expect(run(at('select |foo bar'), ['dwu']).shown).toBe('select |foo bar');
    expect(run(at('select |foo bar'), ['dwdwuu']).shown).toBe('select |foo bar');
    expect(run(at('ab|c'), ['iXYZ', esc, 'u']).buffer.text).toBe('abc');
    expect(run(at('ab|c'), ['i', esc, 'u']).buffer.text).toBe('abc');
    expect(run(at('ab|c'), ['u']).shown).toBe('ab|c');
  });
  it('Esc drops an unfinished command', () => {
    const result = run(at('select |foo bar'), ['d', esc, 'w']);
    expect(result.shown).toBe('select foo |bar');
    expect(run(at('ab|c'), ['2']).vi.pending).toBe('2');
    expect(viModeLabel(run(at('ab|c'), ['2d']).vi)).toBe('-- NORMAL -- 2d');
  });
  it('keeps surrogate pairs whole', () => {
    expect(run(at('a😀|b'), ['h']).shown).toBe('a|😀b');
    expect(run(at('a|😀b'), ['x']).shown).toBe('a|b');
  });
});
