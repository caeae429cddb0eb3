// Patches applied to dependencies while bundling (scripts/build.mjs): each replaces exact texts
// in one module of one package, pinned to the exact versions it was written for. A build that
// meets another version of that package, or a pinned version whose text is not there, fails and
// says which package, which version it found and which it expected: a patch never silently
// stops applying, nor applies to code nobody read. Every patch keeps the module's results
// identical (test/ui/string-width-patch.test.ts, ink-output-patch.test.ts) and only removes
// start-up or per-frame work found in first-frame and scrolling profiles.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// string-width (Ink measures every text with it) builds an Intl.Segmenter and a \p{RGI_Emoji}
// regex when it is loaded: 30-60 ms of the console's first frame, though both serve only
// non-ASCII text. Built on first use instead, and the emoji regex only for a segment holding a
// code point every RGI emoji has one of (pictographic, regional indicator, skin tone, keycap):
// the header's '·' or '—' no longer compiles it. A version without these lines is bundled as is.

/** Printable ASCII and Latin-1 (less soft hyphen, © and ®), dashes and quotes, ←↑→↓ ∞ ● ✓ ✗, box
 * drawing, block elements and Braille (the spinner). The same as source/ui/format/single-width.ts
 * (a test checks they agree). */
export const SINGLE_WIDTH_CLASS =
  '\\u0020-\\u007E\\u00A0-\\u00A8\\u00AA-\\u00AC\\u00AF-\\u00FF\\u2010-\\u2027\\u2030-\\u203B' +
  '\\u2190-\\u2193\\u221E\\u25CF\\u2713\\u2717\\u2500-\\u259F\\u2800-\\u28FF';
const LAZY_STRING_WIDTH = [
  [
    'const segmenter = new Intl.Segmenter();',
    'let segmenterInstance; const segmenter = { segment: (text) => (segmenterInstance ??= new Intl.Segmenter()).segment(text) };',
  ],
  [
    'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
    'const maybeEmoji = /[\\p{Extended_Pictographic}\\u{1F1E6}-\\u{1F1FF}\\u{1F3FB}-\\u{1F3FF}\\u20E3]/u; let rgiEmojiInstance; ' +
      "const rgiEmojiRegex = { test: (text) => maybeEmoji.test(text) && (rgiEmojiInstance ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text) };",
  ],
  // Result rows hold '│' (ambiguous width, so off the ASCII fast path): Ink measured each line
  // through the segmenter and the emoji regex on every frame. These characters are each a
  // grapheme of their own (no two of them join) and one column wide when ambiguous is narrow,
  // so the width is the length; test/ui/string-width-patch.test.ts checks this against the
  // unpatched module.
  [
    'if (/^[\\u0020-\\u007E]*$/.test(string)) {',
    `if (/^[\\u0020-\\u007E]*$/.test(string) || (ambiguousIsNarrow && /^[${SINGLE_WIDTH_CLASS}]*$/.test(string))) {`,
  ],
];
// wrap-ansi (Ink wraps text with it) has string-width 7.2.0 of its own, which builds its
// segmenter on load too (and has neither the emoji regex nor the ASCII test of 8.x).
export const lazyStringWidth = pinnedPatch('lazy-string-width', 'string-width', /[\\/]string-width[\\/]index\.js$/, {
  '8.3.0': LAZY_STRING_WIDTH,
  '7.2.0': LAZY_STRING_WIDTH.slice(0, 1),
});

// Ink turns every line of every frame into styled cells with ansi-tokenize, which splits the line
// into graphemes with an Intl.Segmenter (built when the module loads; 20-70 ms on the first
// frame). A line made only of the characters above and SGR codes (colours) has one grapheme per
// UTF-16 unit (an escape always stands apart), so the same loop runs over the units instead
// (test/ui/string-width-patch.test.ts compares the tokens with the published module's).
const FAST_TOKENIZE = [
  [
    'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });',
    'let segmenterInstance; const segmenter = { segment: (text) => (segmenterInstance ??= new Intl.Segmenter(undefined, { granularity: "grapheme" })).segment(text) };' +
      ` const singleWidthLine = /^[${SINGLE_WIDTH_CLASS}]*$/; const sgrCodes = /\\u001B\\[[0-9;]*m/g;` +
      ' const codeUnits = (text) => Array.from(text, (segment, index) => ({ segment, index }));' +
      ' const graphemes = (text) => singleWidthLine.test(text.includes("\\u001B") ? text.replace(sgrCodes, "") : text) ? codeUnits(text) : segmenter.segment(text);',
  ],
  ['for (const { segment, index } of segmenter.segment(str)) {', 'for (const { segment, index } of graphemes(str)) {'],
];
export const fastTokenize = pinnedPatch(
  'fast-ansi-tokenize',
  '@alcalzone/ansi-tokenize',
  /[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/,
  { '0.2.5': FAST_TOKENIZE },
);

// slice-ansi (Ink's truncate-end) also builds its segmenter when loaded.
const LAZY_SLICE_ANSI = [
  [
    "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});",
    "let graphemeSegmenterInstance; const GRAPHEME_SEGMENTER = { segment: (text) => (graphemeSegmenterInstance ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(text) };",
  ],
];
export const lazySliceAnsi = pinnedPatch('lazy-slice-ansi', 'slice-ansi', /[\\/]slice-ansi[\\/]tokenize-ansi\.js$/, {
  '8.0.0': LAZY_SLICE_ANSI,
});

// Ink turns each row of a frame back into text with styledCharsToString, which diffs the styles
// of every cell against the previous cell's (three Sets and two filters a cell, though nearly
// all neighbours share their styles): a quarter of the first frame's render (26 of 110 ms). Equal
// styles give an empty diff, so the diff runs only where the styles change.
const FAST_STYLED_CHARS = [
  [
    'export function styledCharsToString(chars) {',
    'const sameStyles = (a, b) => a === b || (a.length === b.length && a.every((code, index) => code.code === b[index].code));\n' +
      'export function styledCharsToString(chars) {',
  ],
  [
    'ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
    'if (!sameStyles(chars[i - 1].styles, char.styles)) ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
  ],
  ['if (i === chars.length - 1) {', 'if (i === chars.length - 1 && char.styles.length > 0) {'],
];
export const fastStyledChars = pinnedPatch(
  'fast-styled-chars',
  '@alcalzone/ansi-tokenize',
  /[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/,
  { '0.2.5': FAST_STYLED_CHARS },
);

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
export const fastClip = pinnedPatch('fast-clip', 'ink', /[\\/]ink[\\/]build[\\/]output\.js$/, { '6.8.0': FAST_CLIP });

export const bundlePatches = [lazyStringWidth, fastTokenize, lazySliceAnsi, fastStyledChars, fastClip];

/** The patches, less those named in `without` (a list of patch names; the bench's A/B builds). */
export function bundlePatchesWithout(without = []) {
  return bundlePatches.filter((patch) => !without.includes(patch.name));
}

/** The package.json of the package holding `file`: the nearest one with a name. */
function owningPackage(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8'));
    if (name) return { name, version, dir };
  }
  return { name: undefined, version: undefined, dir: dirname(file) };
}

/**
 * An esbuild plugin replacing exact texts in one module of `packageName`, for the versions
 * listed in `versions` (version -> its replacements) and no other.
 */
export function pinnedPatch(name, packageName, filter, versions) {
  const expected = Object.keys(versions).join(' or ');
  const refuse = (why) => {
    throw new Error(
      `bundle patch ${name} (scripts/bundle-patches.mjs): ${why}. Read the patch against that version, then pin it there or remove the patch.`,
    );
  };
  return {
    name,
    setup(context) {
      context.onLoad({ filter }, (args) => {
        const owner = owningPackage(args.path);
        // The filter is a file name: a same-named file of another package is not ours.
        if (owner.name !== packageName) return undefined;
        const replacements = versions[owner.version];
        if (!replacements)
          refuse(`it was written for ${packageName} ${expected}, but the build found ${packageName} ${owner.version} (${owner.dir})`);
        let contents = readFileSync(args.path, 'utf8');
        for (const [before, after] of replacements) {
          if (!contents.includes(before))
            refuse(`${packageName} ${owner.version} (${args.path}) no longer holds the text it replaces: ${before.slice(0, 60)}`);
          contents = contents.replace(before, () => after);
        }
        return { contents, loader: 'js' };
      });
    },
  };
}
