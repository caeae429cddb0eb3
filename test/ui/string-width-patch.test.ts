// The bundle patches string-width (scripts/build.mjs): lazy segmenter and emoji regex, and a fast
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

type Measure = (text: string, options?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }) => number;
interface BuildScript { lazyStringWidth: Plugin; SINGLE_WIDTH_CLASS: string }

const root = join(import.meta.dirname, '../..');
const outdir = join(root, '.test-tmp', `string-width-patch-${process.pid}`);
let patched: Measure;
let singleWidthChars: string[];
let patchedSource: string;

beforeAll(async () => {
  const script = await import(pathToFileURL(join(root, 'scripts/build.mjs')).href) as BuildScript;
  mkdirSync(outdir, { recursive: true });
  const entry = createRequire(join(root, 'package.json')).resolve('string-width');
  const outfile = join(outdir, 'string-width.mjs');
  await build({ entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'node', plugins: [script.lazyStringWidth], logLevel: 'silent' });
  patchedSource = readFileSync(outfile, 'utf8');
  patched = (await import(pathToFileURL(outfile).href) as { default: Measure }).default;
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
  });

  it('covers the characters result rows and panels draw with', () => {
    for (const char of ['│', '─', '┼', '…', '·', '—', '→', '∞', '▌', '▏', '⠋', '✓', '✗', '●', 'é']) expect(singleWidthChars).toContain(char);
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
    const others = ['漢', '字', 'ｱ', 'ﾞ', '한', '\u1100', '\u1161', '😀', '👍🏽', '👨‍👩‍👧', '🇩🇪', '1\u20E3', '❤', '❤\uFE0F', '\u0301', '\u200B', '\u200D',
      '\u00AD', '©', '®', '‼', '\t', '\n', '\r\n', '\u001B[31m', '\u001B[0m', '\uD800', '\u2028', '\u0915\u094D\u0937'];
    const piece = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...singleWidthChars) },
      { weight: 1, arbitrary: fc.constantFrom(...others) },
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), fc.boolean(), (pieces, ambiguousIsNarrow, countAnsiEscapeCodes) => {
      const text = pieces.join('');
      expect(patched(text, { ambiguousIsNarrow, countAnsiEscapeCodes })).toBe(stringWidth(text, { ambiguousIsNarrow, countAnsiEscapeCodes }));
    }), { numRuns: 3000 });
  });

  it('measures a result row as its length', () => {
    const row = '│ 12345 │ name, "quoted" │ 123.45 │ 2024-01-02 03:04:05 │ NULL │ ab… │';
    expect(patched(row)).toBe(row.length);
    expect(stringWidth(row)).toBe(row.length);
  });
});
