// The bundle patches string-width (scripts/bundle-patches.mjs): lazy segmenter and emoji regex, and a fast
// path for lines of single-width characters such as result rows with '│'. The patched module
// must measure every string exactly as the published one does.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SINGLE_WIDTH_CLASS } from '../../source/ui/format/single-width.js';

type Measure = (text: string, options?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }) => number;
type Tokenize = (text: string, endChar?: number) => unknown[];
interface BuildScript {
  lazyStringWidth: Plugin;
  fastTokenize: Plugin;
  lazySliceAnsi: Plugin;
  SINGLE_WIDTH_CLASS: string;
}

const root = join(import.meta.dirname, '../..');
const outdir = join(root, '.test-tmp', `string-width-patch-${process.pid}`);
let patched: Measure;
let singleWidthChars: string[];
let patchedSource: string;
let tokenize: Tokenize;
let patchedTokenize: Tokenize;
let patchedTokenizeSource: string;
let patchedSliceAnsiSource: string;
let buildClass: string;

beforeAll(async () => {
  const script = (await import(pathToFileURL(join(root, 'scripts/bundle-patches.mjs')).href)) as BuildScript;
  mkdirSync(outdir, { recursive: true });
  const entry = createRequire(join(root, 'package.json')).resolve('string-width');
  const outfile = join(outdir, 'string-width.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    plugins: [script.lazyStringWidth],
    logLevel: 'silent',
  });
  patchedSource = readFileSync(outfile, 'utf8');
  const tokenizeEntry = join(root, 'node_modules/@alcalzone/ansi-tokenize/build/tokenize.js');
  const tokenizeOut = join(outdir, 'tokenize.mjs');
  await build({
    entryPoints: [tokenizeEntry],
    outfile: tokenizeOut,
    bundle: true,
    format: 'esm',
    platform: 'node',
    plugins: [script.fastTokenize],
    logLevel: 'silent',
  });
  patchedTokenizeSource = readFileSync(tokenizeOut, 'utf8');
  patchedTokenize = ((await import(pathToFileURL(tokenizeOut).href)) as { tokenize: Tokenize }).tokenize;
  const sliceAnsiOut = join(outdir, 'slice-ansi.mjs');
  await build({
    entryPoints: [createRequire(join(root, 'package.json')).resolve('slice-ansi')],
    outfile: sliceAnsiOut,
    bundle: true,
    format: 'esm',
    platform: 'node',
    plugins: [script.lazySliceAnsi],
    logLevel: 'silent',
  });
  patchedSliceAnsiSource = readFileSync(sliceAnsiOut, 'utf8');
  buildClass = script.SINGLE_WIDTH_CLASS;
  tokenize = ((await import(pathToFileURL(tokenizeEntry).href)) as { tokenize: Tokenize }).tokenize;
  patched = ((await import(pathToFileURL(outfile).href)) as { default: Measure }).default;
  const single = new RegExp(`^[${script.SINGLE_WIDTH_CLASS}]$`);
  singleWidthChars = [];
  for (let code = 0; code < 0x1_0000; code += 1) {
    const char = String.fromCharCode(code);
    if (single.test(char)) singleWidthChars.push(char);
  }
}, 60_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('patched string-width', () => {
  it('applies every patch (the module text they match is still there)', () => {
    expect(patchedSource).not.toContain('new Intl.Segmenter();');
    expect(patchedSource).not.toContain('/^\\p{RGI_Emoji}$/v');
    expect(patchedSource).toContain('ambiguousIsNarrow && /^[');
    expect(patchedTokenizeSource).not.toContain('new Intl.Segmenter(undefined, { granularity: "grapheme" });');
    expect(patchedTokenizeSource).toContain('of graphemes(str)');
    expect(patchedSliceAnsiSource).toContain('graphemeSegmenterInstance ??=');
  });

  it('uses the same single-width characters as the console', () => {
    expect(buildClass).toBe(SINGLE_WIDTH_CLASS);
  });

  it('covers the characters result rows and panels draw with', () => {
    for (const char of ['│', '─', '┼', '…', '·', '—', '→', '∞', '▌', '▏', '⠋', '✓', '✗', '●', 'é'])
      expect(singleWidthChars).toContain(char);
  });

  it('measures each single-width character, and every pair of them, as the original does', () => {
    for (const first of singleWidthChars) {
      expect(patched(first)).toBe(stringWidth(first));
      expect(patched(first, { ambiguousIsNarrow: false })).toBe(stringWidth(first, { ambiguousIsNarrow: false }));
      for (const second of singleWidthChars) {
        const pair = first + second;
        if (patched(pair) !== stringWidth(pair)) expect(`${pair}: ${patched(pair)}`).toBe(`${pair}: ${stringWidth(pair)}`);
      }
    }
  });

  it('measures generated lines mixing them with CJK, emoji, marks, controls and ANSI as the original does', () => {
    const others = [
      '漢',
      '字',
      'ｱ',
      'ﾞ',
      '한',
      '\u1100',
      '\u1161',
      '😀',
      '👍🏽',
      '👨‍👩‍👧',
      '🇩🇪',
      '1\u20E3',
      '❤',
      '❤\uFE0F',
      '\u0301',
      '\u200B',
      '\u200D',
      '\u00AD',
      '©',
      '®',
      '‼',
      '\t',
      '\n',
      '\r\n',
      '\u001B[31m',
      '\u001B[0m',
      '\uD800',
      '\u2028',
      '\u0915\u094D\u0937',
    ];
    const piece = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...singleWidthChars) },
      { weight: 1, arbitrary: fc.constantFrom(...others) },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), fc.boolean(), (pieces, ambiguousIsNarrow, countAnsiEscapeCodes) => {
        const text = pieces.join('');
        expect(patched(text, { ambiguousIsNarrow, countAnsiEscapeCodes })).toBe(
          stringWidth(text, { ambiguousIsNarrow, countAnsiEscapeCodes }),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('measures a result row as its length', () => {
    const row = '│ 12345 │ name, "quoted" │ 123.45 │ 2024-01-02 03:04:05 │ NULL │ ab… │';
    expect(patched(row)).toBe(row.length);
    expect(stringWidth(row)).toBe(row.length);
  });
});

describe('patched ansi-tokenize', () => {
  it('gives the tokens of the original for every single-width character and generated lines, whole or cut at a width', () => {
    for (const char of singleWidthChars) expect(patchedTokenize(char)).toEqual(tokenize(char));
    const others = [
      '漢',
      'ｱ',
      '😀',
      '❤\uFE0F',
      '🇩🇪',
      '\u0301',
      '\u200D',
      '\t',
      '\u001B[31m',
      '\u001B[7m',
      '\u001B[0m',
      '\u001B[1;3;31m',
      '\u001B[38;2;1;2;3m',
      '\u001B[m',
      '\u001B[39',
      '\u001B[',
      '\u001B]8;;https://example.com\u0007',
      '\u009B',
      '\u001B',
    ];
    const piece = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...singleWidthChars) },
      { weight: 1, arbitrary: fc.constantFrom(...others) },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.option(fc.integer({ min: 0, max: 70 }), { nil: undefined }), (pieces, endChar) => {
        const text = pieces.join('');
        expect(patchedTokenize(text, endChar)).toEqual(tokenize(text, endChar));
      }),
      { numRuns: 3000 },
    );
    const styled = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...singleWidthChars) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('\u001B[31m', '\u001B[7m', '\u001B[0m', '\u001B[1;3;31m', '\u001B[38;5;208m', '\u001B[m', '\u001B[22m'),
      },
    );
    fc.assert(
      fc.property(
        fc.array(styled, { maxLength: 60 }),
        fc.option(fc.integer({ min: 0, max: 70 }), { nil: undefined }),
        (pieces, endChar) => {
          const text = pieces.join('');
          expect(patchedTokenize(text, endChar)).toEqual(tokenize(text, endChar));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
