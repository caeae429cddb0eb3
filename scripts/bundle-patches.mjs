// Patches applied to dependencies while bundling (scripts/build.mjs): each replaces an exact
// text in one module, and a module whose text changed is bundled as published. Every patch keeps
// the module's results identical (test/ui/string-width-patch.test.ts, ink-output-patch.test.ts)
// and only removes start-up or per-frame work found in first-frame and scrolling profiles.
import { readFileSync } from 'node:fs';

// string-width (Ink measures every text with it) builds an Intl.Segmenter and a \p{RGI_Emoji}
// regex when it is loaded: 30-60 ms of the console's first frame, though both serve only
// non-ASCII text. Built on first use instead, and the emoji regex only for a segment holding a
// code point every RGI emoji has one of (pictographic, regional indicator, skin tone, keycap):
// the header's '·' or '—' no longer compiles it. A version without these lines is bundled as is.

/** Printable ASCII and Latin-1 (less soft hyphen, © and ®), dashes and quotes, ←↑→↓ ∞ ● ✓ ✗, box
 * drawing, block elements and Braille (the spinner). The same as source/ui/format/single-width.ts
 * (a test checks they agree). */
export const SINGLE_WIDTH_CLASS = '\\u0020-\\u007E\\u00A0-\\u00A8\\u00AA-\\u00AC\\u00AF-\\u00FF\\u2010-\\u2027\\u2030-\\u203B'
  + '\\u2190-\\u2193\\u221E\\u25CF\\u2713\\u2717\\u2500-\\u259F\\u2800-\\u28FF';
const LAZY_STRING_WIDTH = [
  ['const segmenter = new Intl.Segmenter();',
    'let segmenterInstance; const segmenter = { segment: (text) => (segmenterInstance ??= new Intl.Segmenter()).segment(text) };'],
  ['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
    'const maybeEmoji = /[\\p{Extended_Pictographic}\\u{1F1E6}-\\u{1F1FF}\\u{1F3FB}-\\u{1F3FF}\\u20E3]/u; let rgiEmojiInstance; '
      + "const rgiEmojiRegex = { test: (text) => maybeEmoji.test(text) && (rgiEmojiInstance ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text) };"],
  // Result rows hold '│' (ambiguous width, so off the ASCII fast path): Ink measured each line
  // through the segmenter and the emoji regex on every frame. These characters are each a
  // grapheme of their own (no two of them join) and one column wide when ambiguous is narrow,
  // so the width is the length; test/ui/string-width-patch.test.ts checks this against the
  // unpatched module.
  ['if (/^[\\u0020-\\u007E]*$/.test(string)) {',
    `if (/^[\\u0020-\\u007E]*$/.test(string) || (ambiguousIsNarrow && /^[${SINGLE_WIDTH_CLASS}]*$/.test(string))) {`],
];
export const lazyStringWidth = replacingPlugin('lazy-string-width', /[\\/]string-width[\\/]index\.js$/, LAZY_STRING_WIDTH);

// Ink turns every line of every frame into styled cells with ansi-tokenize, which splits the line
// into graphemes with an Intl.Segmenter (built when the module loads; 20-70 ms on the first
// frame). A line made only of the characters above and SGR codes (colours) has one grapheme per
// UTF-16 unit (an escape always stands apart), so the same loop runs over the units instead
// (test/ui/string-width-patch.test.ts compares the tokens with the published module's).
const FAST_TOKENIZE = [
  ['const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });',
    'let segmenterInstance; const segmenter = { segment: (text) => (segmenterInstance ??= new Intl.Segmenter(undefined, { granularity: "grapheme" })).segment(text) };'
      + ` const singleWidthLine = /^[${SINGLE_WIDTH_CLASS}]*$/; const sgrCodes = /\\u001B\\[[0-9;]*m/g;`
      + ' const codeUnits = (text) => Array.from(text, (segment, index) => ({ segment, index }));'
      + ' const graphemes = (text) => singleWidthLine.test(text.includes("\\u001B") ? text.replace(sgrCodes, "") : text) ? codeUnits(text) : segmenter.segment(text);'],
  ['for (const { segment, index } of segmenter.segment(str)) {', 'for (const { segment, index } of graphemes(str)) {'],
];
export const fastTokenize = replacingPlugin('fast-ansi-tokenize', /[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/, FAST_TOKENIZE);

// slice-ansi (Ink's truncate-end) also builds its segmenter when loaded.
const LAZY_SLICE_ANSI = [
  ["const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});",
    "let graphemeSegmenterInstance; const GRAPHEME_SEGMENTER = { segment: (text) => (graphemeSegmenterInstance ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(text) };"],
];
export const lazySliceAnsi = replacingPlugin('lazy-slice-ansi', /[\\/]slice-ansi[\\/]tokenize-ansi\.js$/, LAZY_SLICE_ANSI);

// Ink turns each row of a frame back into text with styledCharsToString, which diffs the styles
// of every cell against the previous cell's (three Sets and two filters a cell, though nearly
// all neighbours share their styles): a quarter of the first frame's render (26 of 110 ms). Equal
// styles give an empty diff, so the diff runs only where the styles change.
const FAST_STYLED_CHARS = [
  ['export function styledCharsToString(chars) {',
    'const sameStyles = (a, b) => a === b || (a.length === b.length && a.every((code, index) => code.code === b[index].code));\n'
      + 'export function styledCharsToString(chars) {'],
  ['ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
    'if (!sameStyles(chars[i - 1].styles, char.styles)) ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));'],
  ['if (i === chars.length - 1) {', 'if (i === chars.length - 1 && char.styles.length > 0) {'],
];
export const fastStyledChars = replacingPlugin('fast-styled-chars', /[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/, FAST_STYLED_CHARS);

// Ink clips the text of a box with overflow hidden line by line with slice-ansi, even a line that
// lies wholly inside the clip (every line the console draws is cut to width already): the other
// fifth of the first frame's render (21 ms). A line of single-width characters without escape
// codes that fits is the same line after slicing, so it is kept as it is. A line with codes is
// still sliced: slice-ansi rewrites them (drops a reset with nothing open, closes what is open),
// and Text styles applied after clipping could tell the difference.
const FAST_CLIP = [
  ['return sliceAnsi(line, from, to);', 'return from === 0 && to === width && fitsAsIs.test(line) ? line : sliceAnsi(line, from, to);'],
  ["import sliceAnsi from 'slice-ansi';", `import sliceAnsi from 'slice-ansi'; const fitsAsIs = /^[${SINGLE_WIDTH_CLASS}]*$/;`],
];
export const fastClip = replacingPlugin('fast-clip', /[\\/]ink[\\/]build[\\/]output\.js$/, FAST_CLIP);

export const bundlePatches = [lazyStringWidth, fastTokenize, lazySliceAnsi, fastStyledChars, fastClip];

/** An esbuild plugin replacing exact texts in one dependency's module (unchanged if not found). */
function replacingPlugin(name, filter, replacements) {
  return {
    name,
    setup(context) {
      context.onLoad({ filter }, (args) => {
        let contents = readFileSync(args.path, 'utf8');
        for (const [before, after] of replacements) contents = contents.replace(before, () => after);
        return { contents, loader: 'js' };
      });
    },
  };
}
