import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../../source/ui/keys/decode-input.js';
import { commandFor, matches } from '../../../source/ui/keys/key-bindings.js';
import { helpLines } from '../../../source/ui/keys/help-lines.js';
import { joinEscapePieces } from '../../../source/ui/keys/escape-joiner.js';

describe('decodeInput', () => {
  const cases: Array<[string, string, Partial<{ name: string; text: string; ctrl: boolean; meta: boolean; shift: boolean }>]> = [
    ['enter', '\r', { name: 'return' }],
    ['ctrl+c', '\x03', { name: 'c', ctrl: true }],
    ['backspace', '\x7f', { name: 'backspace' }],
    ['up', '\x1b[A', { name: 'up' }],
    ['ss3 up', '\x1bOA', { name: 'up' }],
    ['ctrl+right', '\x1b[1;5C', { name: 'right', ctrl: true }],
    ['alt+b', '\x1bb', { name: 'char', text: 'b', meta: true }],
    ['alt+enter', '\x1b\r', { name: 'return', meta: true }],
    ['page down', '\x1b[6~', { name: 'pageDown' }],
    ['home tilde', '\x1b[1~', { name: 'home' }],
    ['shift+tab', '\x1b[Z', { name: 'tab', shift: true }],
    ['f1', '\x1bOP', { name: 'f1' }],
    // every F key keys.json can name (f1…f12) arrives as one
    ['f3', '\x1bOR', { name: 'f3' }],
    ['f4', '\x1bOS', { name: 'f4' }],
    ['f7', '\x1b[18~', { name: 'f7' }],
    ['f9', '\x1b[20~', { name: 'f9' }],
    ['f12', '\x1b[24~', { name: 'f12' }],
    ['paste start', '\x1b[200~', { name: 'pasteStart' }],
    ['typed text', 'select', { name: 'char', text: 'select' }],
    ['pasted lines', 'select 1\rfrom t;', { name: 'paste', text: 'select 1\rfrom t;' }],
  ];
  it.each(cases)('%s', (_name, raw, expected) => {
    const [event] = decodeInput(raw);
    expect(event).toMatchObject(expected);
  });

  it('reads Esc followed by a control key as two keys', () => {
    expect(decodeInput('\x1b\x04').map((event) => `${event.ctrl ? 'C-' : ''}${event.name}`)).toEqual(['escape', 'C-d']);
  });

  it('treats a Tab ending a typed run as the completion key', () => {
    expect(decodeInput('from us\t').map((event) => event.name)).toEqual(['char', 'tab']);
    expect(decodeInput('a\tb').map((event) => event.name)).toEqual(['char']);
  });

  it('splits fast typing with control keys into separate events, in order', () => {
    expect(decodeInput('ab\x01c').map((event) => `${event.ctrl ? 'C-' : ''}${event.name}:${event.text}`)).toEqual([
      'char:ab',
      'C-a:',
      'char:c',
    ]);
  });
});

describe('key bindings', () => {
  it('panels ask the table about commands', () => {
    expect(matches(decodeInput('\x1b[6~')[0]!, 'scroll.pageDown')).toBe(true);
    expect(commandFor(decodeInput('\x01')[0]!, 'prompt')).toBe('prompt.home');
    expect(commandFor(decodeInput('\x1bb')[0]!, 'prompt')).toBe('prompt.wordLeft');
    expect(commandFor(decodeInput('G')[0]!, 'results')).toBe('scroll.bottom');
  });
  it('the help lists every command and backslash command', () => {
    const text = helpLines().join('\n');
    expect(text).toContain('PgDn');
    expect(text).toContain('\\dt');
    expect(text).toContain('Ctrl+C');
  });
});

describe('joinEscapePieces', () => {
  it('joins a bracketed-paste marker cut across reads', () => {
    const first = joinEscapePieces('', '\x1b[20');
    expect(first).toEqual({ events: [], pending: '\x1b[20' });
    expect(joinEscapePieces(first.pending, "0~select 'x';")).toEqual({ events: ['\x1b[200~', "select 'x';"], pending: '' });
  });
  it('passes whole events through', () => {
    expect(joinEscapePieces('', '\x1b')).toEqual({ events: ['\x1b'], pending: '' });
    expect(joinEscapePieces('', 'abc')).toEqual({ events: ['abc'], pending: '' });
    expect(joinEscapePieces('\x1b[', 'A')).toEqual({ events: ['\x1b[A'], pending: '' });
  });
});
