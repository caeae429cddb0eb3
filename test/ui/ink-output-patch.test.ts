// The bundle patches how Ink turns a frame into text (scripts/bundle-patches.mjs): style diffs
// only where styles change, and no slice-ansi for a line that fits its clip. The patched Ink
// Output must produce exactly the frame the published one does.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Chalk } from 'chalk';
import { build, type Plugin } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Patches {
  fastStyledChars: Plugin;
  fastClip: Plugin;
}
interface Clip {
  x1?: number;
  x2?: number;
  y1?: number;
  y2?: number;
}
interface OutputInstance {
  write(x: number, y: number, text: string, options: { transformers: Array<(line: string, index: number) => string> }): void;
  clip(clip: Clip): void;
  unclip(): void;
  get(): { output: string; height: number };
}
type OutputClass = new (options: { width: number; height: number }) => OutputInstance;

const root = join(import.meta.dirname, '../..');
const outdir = join(root, '.test-tmp', `ink-output-patch-${process.pid}`);
const outputEntry = join(root, 'node_modules/ink/build/output.js');
let Original: OutputClass;
let Patched: OutputClass;
let patchedSource: string;

async function bundleOutput(name: string, plugins: Plugin[]): Promise<string> {
  const outfile = join(outdir, `${name}.mjs`);
  await build({ entryPoints: [outputEntry], outfile, bundle: true, format: 'esm', platform: 'node', plugins, logLevel: 'silent' });
  return outfile;
}

beforeAll(async () => {
  const patches = (await import(pathToFileURL(join(root, 'scripts/bundle-patches.mjs')).href)) as Patches;
  mkdirSync(outdir, { recursive: true });
  const original = await bundleOutput('original', []);
  const patched = await bundleOutput('patched', [patches.fastStyledChars, patches.fastClip]);
  patchedSource = readFileSync(patched, 'utf8');
  Original = ((await import(pathToFileURL(original).href)) as { default: OutputClass }).default;
  Patched = ((await import(pathToFileURL(patched).href)) as { default: OutputClass }).default;
}, 60_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

// The transformers Ink applies to a line after clipping are its Text styles, made with chalk.
const chalk = new Chalk({ level: 3 });
const textStyles = [chalk.red, chalk.bgBlue, chalk.bold, chalk.dim, chalk.inverse, chalk.hex('#ff8800'), chalk.underline];

type Operation =
  { kind: 'write'; x: number; y: number; text: string; styles: number[] } | { kind: 'clip'; clip: Clip } | { kind: 'unclip' };

function frame(Output: OutputClass, width: number, height: number, operations: Operation[]): string {
  const output = new Output({ width, height });
  for (const operation of operations) {
    if (operation.kind === 'clip') output.clip(operation.clip);
    else if (operation.kind === 'unclip') output.unclip();
    else
      output.write(operation.x, operation.y, operation.text, {
        transformers: operation.styles.map((index) => (line: string) => textStyles[index]!(line)),
      });
  }
  return output.get().output;
}

// What the console draws (box drawing, ∅, …, colours, inverse) and what it may meet in data.
const plain = ['a', 'Z', '0', ' ', '│', '─', '┼', '∅', '…', '·', '—', 'é', '⠋', '→'];
const styles = [
  '\u001B[31m',
  '\u001B[39m',
  '\u001B[1m',
  '\u001B[22m',
  '\u001B[2m',
  '\u001B[7m',
  '\u001B[27m',
  '\u001B[0m',
  '\u001B[m',
  '\u001B[38;5;208m',
  '\u001B[48;2;10;20;30m',
  '\u001B[49m',
  '\u001B[1;3;31m',
  '\u001B[4m',
  '\u001B[24m',
];
const others = ['漢', '字', '😀', '👍🏽', '\u0301', '\u200B', '\u001B]8;;https://x.test\u0007', '\u001B]8;;\u0007', '\t'];
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...plain) },
  { weight: 2, arbitrary: fc.constantFrom(...styles) },
  { weight: 1, arbitrary: fc.constantFrom(...others) },
);
const line = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));
const text = fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));
const coordinate = fc.integer({ min: -3, max: 25 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('write' as const),
      x: fc.integer({ min: 0, max: 20 }),
      y: fc.integer({ min: 0, max: 8 }),
      text,
      styles: fc.array(fc.integer({ min: 0, max: textStyles.length - 1 }), { maxLength: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('clip' as const),
      clip: fc.record({ x1: coordinate, x2: coordinate, y1: coordinate, y2: coordinate }, { requiredKeys: [] }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'unclip' as const }) },
);

describe('patched Ink output', () => {
  it('applies both patches (the module text they match is still there)', () => {
    expect(patchedSource).toContain('sameStyles');
    expect(patchedSource).toContain('fitsAsIs');
  });

  it('draws generated frames (writes, nested clips, colours, Text styles, wide characters, links) exactly as the original', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 10 }),
        fc.array(operation, { maxLength: 12 }),
        (width, height, operations) => {
          expect(frame(Patched, width, height, operations)).toBe(frame(Original, width, height, operations));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('draws a console-like frame exactly as the original: coloured rows inside a clipped box', () => {
    const rows = Array.from(
      { length: 30 },
      (_, index) => `\u001B[36m│\u001B[39m ${String(index).padStart(5)} │ name ${index} │ \u001B[2m∅\u001B[22m │`,
    );
    const operations: Operation[] = [
      { kind: 'clip', clip: { x1: 0, x2: 60, y1: 2, y2: 20 } },
      ...rows.map((row, index) => ({ kind: 'write' as const, x: 1, y: index, text: row, styles: [] })),
      { kind: 'unclip' },
      { kind: 'write', x: 0, y: 0, text: '\u001B[1mdsnsh\u001B[22m · memory · \u001B[32mconnected\u001B[39m', styles: [2] },
    ];
    const drawn = frame(Patched, 80, 24, operations);
    expect(drawn).toBe(frame(Original, 80, 24, operations));
    expect(drawn).toContain('name 5');
  });
});
