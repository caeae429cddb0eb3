// dist/ bundles its dependencies (everything but better-sqlite3, which npm installs), so their
// licences travel in dist/THIRD-PARTY-NOTICES.txt: one entry per bundled package (name, version,
// licence from its package.json) followed by its licence file, found from esbuild's metafile.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

const LICENCE_FILE = /^(licen[cs]e|copying)([-.][\w.-]*)?$/i;
const README_FILE = /^readme(\.(md|markdown|txt))?$/i;

/** The package folder holding a bundled input (`node_modules/a/…`, `node_modules/@s/b/…`). */
function packageFolderOf(root, input) {
  const absolute = resolve(root, input.replace(/^[\w-]+:/, ''));
  const parts = absolute.split(sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return null;
  const length = parts[at + 1]?.startsWith('@') ? 3 : 2;
  return parts.slice(0, at + length).join(sep);
}

/** Some packages keep their licence text only in a "License" section of their README. */
function licenceSectionOfReadme(folder) {
  const readme = readdirSync(folder).find((name) => README_FILE.test(name));
  if (!readme) return null;
  const section = /^#+\s*licen[cs]e\s*$([\s\S]*?)(?=^#|(?![\s\S]))/im.exec(readFileSync(join(folder, readme), 'utf8'));
  const text = section?.[1]?.trim();
  return text ? text : null;
}

const MIT_TERMS = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;

/** An MIT package shipping no licence text (yoga-layout): its files' copyright line and the MIT terms. */
function mitFromHeader(licence, files) {
  if (licence !== 'MIT') return null;
  for (const file of files) {
    const copyright = /^[\s/*]*(Copyright .+)$/m.exec(readFileSync(file, 'utf8').slice(0, 2000))?.[1]?.trim();
    if (copyright) return `${copyright}\n\n${MIT_TERMS}`;
  }
  return null;
}

/** The licence of every package whose code is in the metafiles' outputs. */
export function writeThirdPartyNotices(root, metafiles, outFile) {
  /** package folder -> its bundled files */
  const folders = new Map();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const folder = packageFolderOf(root, input);
      if (folder) folders.set(folder, [...(folders.get(folder) ?? []), resolve(root, input.replace(/^[\w-]+:/, ''))]);
    }
  }
  const entries = [];
  for (const [folder, files] of folders) {
    const manifestPath = join(folder, 'package.json');
    if (!existsSync(manifestPath)) throw new Error(`no package.json for the bundled folder ${folder}`);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const licenceFile = readdirSync(folder).find((name) => LICENCE_FILE.test(name));
    const licence = typeof manifest.license === 'string' ? manifest.license : (manifest.license?.type ?? 'see the licence text');
    const text = licenceFile
      ? readFileSync(join(folder, licenceFile), 'utf8').trim()
      : (licenceSectionOfReadme(folder) ?? mitFromHeader(licence, files));
    // A bundle must not ship code whose licence it cannot carry: say which package, stop.
    if (!text)
      throw new Error(
        `no licence text found for the bundled package ${manifest.name}@${manifest.version} (${folder}); teach scripts/third-party-notices.mjs where it keeps it`,
      );
    entries.push({ id: `${manifest.name}@${manifest.version}`, licence, text });
  }
  entries.sort((a, b) => a.id.localeCompare(b.id));
  const unique = entries.filter((entry, index) => index === 0 || entries[index - 1].id !== entry.id);
  const body = unique.map((entry) => `${entry.id} ${entry.licence}\n\n${entry.text}\n`).join(`\n${'-'.repeat(72)}\n\n`);
  writeFileSync(
    outFile,
    `dsnsh bundles the following packages into dist/. Their licences follow.\n\n${unique.map((entry) => `  ${entry.id} (${entry.licence})`).join('\n')}\n\n${'='.repeat(72)}\n\n${body}`,
  );
  return unique.length;
}

export const NOTICES_NAME = 'THIRD-PARTY-NOTICES.txt';
