// Code written against another package's private details is pinned to the versions it was read
// against (scripts/bundle-patches.mjs, scripts/pinned-versions.mjs): a build meeting another
// version fails and names the package, the version found and the one expected.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli-path.js';

interface Patches {
  lazyStringWidth: Plugin;
  fastClip: Plugin;
}
interface Pins {
  checkPinnedVersions(root: string): void;
  PINNED: Array<{ packageName: string; version: string }>;
}

const scratch = mkdtempSync(join(tmpdir(), 'dsnsh-pins-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const load = async <T>(file: string) => (await import(pathToFileURL(join(PROJECT_ROOT, file)).href)) as T;

/** A folder with a fake `name@version` package whose `file` holds `text`, and an entry importing it. */
function fakeProject(label: string, name: string, version: string, file: string, text: string): string {
  const folder = join(scratch, label);
  const packageDir = join(folder, 'node_modules', name);
  mkdirSync(join(packageDir, file, '..'), { recursive: true });
  writeFileSync(join(packageDir, 'package.json'), JSON.stringify({ name, version, type: 'module', main: file }));
  writeFileSync(join(packageDir, file), text);
  writeFileSync(join(folder, 'entry.js'), `import '${name}/${file}';\n`);
  return folder;
}

const bundle = (folder: string, plugin: Plugin) =>
  build({
    entryPoints: [join(folder, 'entry.js')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    plugins: [plugin],
    logLevel: 'silent',
  });

describe('bundle patches', () => {
  it('fail the build on a version they were not written for, naming the package and both versions', async () => {
    const { lazyStringWidth } = await load<Patches>('scripts/bundle-patches.mjs');
    const folder = fakeProject(
      'newer-string-width',
      'string-width',
      '9.0.0',
      'index.js',
      'const segmenter = new Intl.Segmenter();\nexport default () => 1;\n',
    );
    await expect(bundle(folder, lazyStringWidth)).rejects.toThrow(
      /string-width 8\.3\.0 or 7\.2\.0, but the build found string-width 9\.0\.0/,
    );
  });

  it('fail the build when a pinned version does not hold the text they replace', async () => {
    const { fastClip } = await load<Patches>('scripts/bundle-patches.mjs');
    const folder = fakeProject('changed-ink', 'ink', '6.8.0', 'build/output.js', 'export default 1;\n');
    await expect(bundle(folder, fastClip)).rejects.toThrow(/ink 6\.8\.0 .* no longer holds the text it replaces/);
  });

  it('leave a same-named file of another package alone', async () => {
    const { fastClip } = await load<Patches>('scripts/bundle-patches.mjs');
    const folder = fakeProject('not-ink', 'not-ink', '1.0.0', 'ink/build/output.js', 'export default 1;\n');
    await expect(bundle(folder, fastClip)).resolves.toBeTruthy();
  });
});

describe('pinned packages (mysql2 row fast path, the console script transform)', () => {
  it('the installed versions are the pinned ones', async () => {
    const { checkPinnedVersions } = await load<Pins>('scripts/pinned-versions.mjs');
    expect(() => checkPinnedVersions(PROJECT_ROOT)).not.toThrow();
  });

  it('another mysql2 version stops the build with both versions named', async () => {
    const { checkPinnedVersions, PINNED } = await load<Pins>('scripts/pinned-versions.mjs');
    const root = join(scratch, 'other-mysql2');
    for (const pin of PINNED) {
      const version = pin.packageName === 'mysql2' ? '3.99.0' : pin.version;
      mkdirSync(join(root, 'node_modules', pin.packageName), { recursive: true });
      writeFileSync(join(root, 'node_modules', pin.packageName, 'package.json'), JSON.stringify({ name: pin.packageName, version }));
    }
    const mysqlPin = PINNED.find((pin) => pin.packageName === 'mysql2')!.version;
    expect(() => checkPinnedVersions(root)).toThrow(
      new RegExp(`written for mysql2 ${mysqlPin.replaceAll('.', '\\.')}, but the build found mysql2 3\\.99\\.0`),
    );
  });
});
