// Text shown on a terminal: controls and bidirectional controls become visible escapes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../source/text/escape-controls.js';

describe('escapeControls', () => {
  it.each([
    ['plain', 'plain'],
    ['a\tb\nc\rd', 'a\\tb\\nc\\rd'],
    ['\u001b[2J', '\\x1b[2J'],
    ['\u009b31m', '\\x9b31m'],
    ['\u007f', '\\x7f'],
    ['admin\u202Etxt.exe', 'admin\\u202etxt.exe'],
    ['\u2066x\u2069 \u200e\u200f\u061c', '\\u2066x\\u2069 \\u200e\\u200f\\u061c'],
    ['日本語 ✓ é', '日本語 ✓ é'],
  ])('%j', (input, expected) => {
    expect(escapeControls(input)).toBe(expected);
  });

  it('never leaves a control or bidi control in its output', () => {
    const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => !unsafe.test(escapeControls(text))),
      { numRuns: 2000 },
    );
  });
});
