import { describe, expect, it } from 'vitest';
import { helpLines } from '../../../source/ui/keys/help-lines.js';
import { keyCommands } from '../../../source/ui/keys/key-bindings.js';

describe('the help overlay', () => {
  it('lists the scrollback and value-viewer keys', () => {
    const text = helpLines().join('\n');
    expect(text).toMatch(/^ {2}\[\s+previous \(earlier\) result/m);
    expect(text).toMatch(/^ {2}\]\s+next \(later\) result/m);
    expect(text).toMatch(/^ {2}s\s+jump to the start of the focused result/m);
    expect(text).toMatch(/^ {2}f\s+open the focused result full screen/m);
    expect(text).toMatch(/^ {2}v\s+view the focused row's whole values/m);
  });
  it('says what Ctrl+C does as the console does it: at the prompt it never quits', () => {
    const line = helpLines().find((text) => /^ {2}Ctrl\+C\b/i.test(text)) ?? '';
    expect(line).toMatch(/cancel/);
    expect(line).not.toMatch(/empty prompt\) quits/);
    expect(line).toMatch(/Ctrl\+D or \\q quits/);
  });
  it('binds no key twice within the results', () => {
    const keys = keyCommands.filter((command) => command.context === 'results').flatMap((command) => command.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the help overlay in vi mode', () => {
  it('lists the vi keys in their own section and says what Esc does', () => {
    const lines = helpLines();
    const start = lines.findIndex((text) => text.startsWith('Prompt in vi mode'));
    expect(start).toBeGreaterThan(0);
    const section = lines.slice(start, lines.indexOf('Commands')).join('\n');
    for (const keys of ['Esc', 'i a I A', 'o O', 'h l 0 ^ $', 'w b e  W B E', 'x X', 'd{motion} dd D', 'p P', 'r<char>', 'u', 'j k'])
      expect(section).toContain(`  ${keys}`);
    expect(section).toMatch(/history search \(also Ctrl\+G\)/);
    expect(lines.join('\n')).toMatch(/^ {2}\\set vi on\|off\s+vi editing at the prompt/m);
  });
});
