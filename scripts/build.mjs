// Builds dist/: one esbuild ESM bundle for the CLI, split so that Ink/React and each database
// driver live in chunks loaded only by dynamic import. Node 20's ESM loader makes ~120 tsc
// files start ~2.4x slower than one bundle (see ../shared/TOOLING.md).
import { build } from 'esbuild';
import { readFileSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url).pathname;

/** Worker entry points (files named `*-worker.ts`) must be separate outputs. */
function findWorkers(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) found.push(...findWorkers(full));
    else if (/-worker\.tsx?$/.test(name)) found.push(full);
  }
  return found;
}

/** Worker files as esbuild entry points, named as the adapters look for them (`adapters__sqlite__…`). */
export function workerEntryPoints(sourceDir) {
  return findWorkers(sourceDir).map((file) => ({ in: file, out: relative(sourceDir, file).replace(/\.tsx?$/, '').replaceAll('/', '__') }));
}

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

// Imported by the patch's test for the plugin alone; run as a script, it builds.
// (The loader resolves symlinks in the module's URL, so compare real paths.)
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await buildAll();

async function buildAll() {
  const entryPoints = [{ in: join(root, 'source/cli.tsx'), out: 'cli' }, ...workerEntryPoints(join(root, 'source'))];

  // DSNSH_OUTDIR lets parallel test runs build their own copy (keep it inside the project so
  // node_modules resolves).
  const outdir = process.env.DSNSH_OUTDIR ? join(root, process.env.DSNSH_OUTDIR) : join(root, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    // Native addon and optional native pieces stay outside the bundle.
    external: ['better-sqlite3', 'pg-native', 'cpu-features', 'ssh2'],
    alias: { 'react-devtools-core': join(root, 'scripts/empty-module.js') },
    // CommonJS dependencies call require(); give ESM chunks one.
    banner: { js: "import { createRequire as __dsnshCreateRequire } from 'node:module'; const require = __dsnshCreateRequire(import.meta.url);" },
    // React, react-reconciler and scheduler pick their build with process.env.NODE_ENV at run
    // time; defined here, only the production build is bundled (the console chunk shrinks to a
    // fraction and parses that much faster). Tests run the sources, not this bundle.
    define: { 'process.env.DEV': '"false"', 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
    legalComments: 'none',
    logLevel: 'warning',
    // Less to read and compile at every start; names kept for stack-less messages that show them.
    minify: true,
    keepNames: true,
    metafile: false,
    plugins: [lazyStringWidth, fastTokenize, lazySliceAnsi],
  });
}
