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
