// The prompt's vi-mode keys (\set vi on, or "vi": true in keys.json), for the help overlay. The
// keys themselves are vi's and fixed: vi-mode.ts implements them; this is their description.

export const viKeyHelp: ReadonlyArray<readonly [string, string]> = [
  ['Esc', 'insert mode → normal mode ("-- NORMAL --" in the status line); in normal mode: drop a half-typed command'],
  ['i a I A', 'insert before / after the cursor, at the line start (first non-blank) / end'],
  ['o O', 'open a new line below / above (multi-line statements)'],
  ['h l 0 ^ $', 'left, right, line start, first non-blank, line end'],
  ['w b e  W B E', 'next word, word back, word end; upper case: blank-separated WORDs'],
  ['f F t T <char>', 'to / back to / till / back till <char> on the line; ; repeats, , reverses'],
  ['j k', 'next / previous line, then newer / older history (as ↓ ↑)'],
  ['x X', 'delete the character under / before the cursor'],
  ['d{motion} dd D', 'delete over a motion (dw, db, d$, dt,), whole lines, to the line end'],
  ['c{motion} cc C s S', 'change (delete, then insert): cw, cc, to the line end, a character, the line'],
  ['y{motion} yy Y', 'copy into the register (the prompt keeps one, unnamed)'],
  ['p P', 'put the register after / before the cursor (lines: below / above)'],
  ['r<char>', 'replace the character under the cursor'],
  ['u', 'undo the last change (an insert counts as one)'],
  ['3w 2dw d3w 3x', 'a count repeats a motion or a command'],
  ['Enter', 'run the statement, as in insert mode; the next prompt starts in insert mode'],
  ['Tab, ↑ ↓, Ctrl keys, F keys', 'work in both modes as without vi; a paste is typed text in both modes'],
];

/** What vi mode changes for the other keys. */
export const viNotes: readonly string[] = [
  'Esc at the prompt switches modes; every other Esc is unchanged: it still leaves history search (also Ctrl+G),',
  'closes the value viewer and the profile list, and returns from the results and the migrations panel.',
];
