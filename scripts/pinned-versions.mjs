// Code that leans on another package's private details, pinned to the exact version it was
// written against (the bundle patches pin theirs in bundle-patches.mjs). The build stops on any
// other version and says what it found: re-read the code named below against it, then move the pin.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const PINNED = [
  // source/adapters/mysql/mysql-row-hooks.ts: the row fast path reads mysql2's private fields
  // (packetParser.onPacket, _rowParser, _resultIndex, Query.prototype.row); checked by
  // test/adapters/mysql-fast-path.test.ts.
  { packageName: 'mysql2', version: '3.24.6', from: 'source/adapters/mysql', user: 'source/adapters/mysql/mysql-row-hooks.ts' },
  // scripts/console-script.mjs turns esbuild's ESM chunk text into a script: it knows the exact
  // forms esbuild writes imports and exports in.
  { packageName: 'esbuild', version: '0.28.2', from: 'scripts', user: 'scripts/console-script.mjs' },
];

/** Throws, naming the package and both versions, when an installed version is not the pinned one. */
export function checkPinnedVersions(root) {
  for (const pin of PINNED) {
    const require = createRequire(join(root, pin.from, 'resolve-from-here.js'));
    const manifest = require.resolve(`${pin.packageName}/package.json`);
    const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
    if (version !== pin.version) {
      throw new Error(
        `${pin.user} was written for ${pin.packageName} ${pin.version}, but the build found ${pin.packageName} ${version} (${manifest}). ` +
          `Read it against ${version}, then move its pin in scripts/pinned-versions.mjs (and package.json).`,
      );
    }
  }
}
