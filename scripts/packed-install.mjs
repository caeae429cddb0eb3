// The package as `npx dsnsh` gets it: `npm pack` of a build, installed from the tarball into an
// empty folder with an empty HOME, offline from the local npm cache. Used by
// test/e2e/npx-install.test.ts (does the installed CLI work?) and bench/package-install.mjs (how
// big is the installed tree, how long does the install take?).
//
// Offline: the app's lock file pins dsnsh's runtime dependencies at the versions of this
// checkout's lock file, so installing needs only the package tarballs `npm ci` has cached
// (resolving version ranges would need the registry's package documents: npm says ENOTCACHED).
// Compiling better-sqlite3 takes minutes on two cores, so the npm cache given to the install has
// a "prebuilt binary" in its prebuild cache (made from this checkout's compiled add-on), as
// better-sqlite3 downloads one on platforms with published prebuilds.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
export const PREBUILT_HOST = 'http://prebuilt.dsnsh-test.invalid';

export function minimalEnv(extra = {}) {
  return { PATH: process.env.PATH, LANG: 'C.UTF-8', ...extra };
}

/** `npm pack` of exactly this build: package.json + README + the dist folder given. */
export function packBuild(projectRoot, distDir, work) {
  const stage = path.join(work, 'stage');
  fs.mkdirSync(stage, { recursive: true });
  fs.copyFileSync(path.join(projectRoot, 'package.json'), path.join(stage, 'package.json'));
  if (fs.existsSync(path.join(projectRoot, 'README.md')))
    fs.copyFileSync(path.join(projectRoot, 'README.md'), path.join(stage, 'README.md'));
  fs.cpSync(distDir, path.join(stage, 'dist'), { recursive: true });
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], {
    cwd: stage,
    encoding: 'utf8',
    env: minimalEnv({ HOME: work }),
  });
  return path.join(work, packed.trim().split('\n').pop());
}

/** A fresh npm cache folder sharing the machine's package cache, with its own prebuild cache. */
export function npmCacheWithPrebuilt(projectRoot, work) {
  const realCache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
  const cache = path.join(work, 'npm-cache');
  fs.mkdirSync(path.join(cache, '_prebuilds'), { recursive: true });
  fs.symlinkSync(path.join(realCache, '_cacache'), path.join(cache, '_cacache'));
  // The file name and folder prebuild-install looks for (see its util.js: cachedPrebuild).
  const addonPackage = path.join(projectRoot, 'node_modules/better-sqlite3');
  const version = JSON.parse(fs.readFileSync(path.join(addonPackage, 'package.json'), 'utf8')).version;
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  const url = `${PREBUILT_HOST}/v${version}/${name}`;
  const digest = createHash('sha512').update(url).digest('hex').slice(0, 6);
  const staging = path.join(work, 'prebuilt');
  fs.mkdirSync(path.join(staging, 'build/Release'), { recursive: true });
  fs.copyFileSync(path.join(addonPackage, 'build/Release/better_sqlite3.node'), path.join(staging, 'build/Release/better_sqlite3.node'));
  execFileSync('tar', ['czf', path.join(cache, '_prebuilds', `${digest}-${name.replace(/[^a-zA-Z0-9.]+/g, '-')}`), '-C', staging, 'build']);
  return cache;
}

/** The app's lock file: the tarball, and dsnsh's runtime dependencies as this checkout locks them. */
export function appLockfile(projectRoot, folder, tarball) {
  const project = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8'));
  const root = project.packages[''];
  const spec = `file:${path.relative(folder, tarball)}`;
  const packages = {
    '': { name: 'npx-test-app', dependencies: { dsnsh: spec } },
    'node_modules/dsnsh': {
      version: root.version,
      resolved: spec,
      dependencies: root.dependencies,
      optionalDependencies: root.optionalDependencies,
      bin: root.bin,
      engines: root.engines,
    },
  };
  for (const [key, entry] of Object.entries(project.packages)) {
    if (key !== '' && entry.dev !== true) packages[key] = entry;
  }
  return { name: 'npx-test-app', lockfileVersion: 3, requires: true, packages };
}

/** `npm ci --offline` of the tarball into `folder` (created, with a home/ of its own). */
export async function installPacked({ projectRoot, folder, tarball, npmCache, env = {} }) {
  fs.mkdirSync(path.join(folder, 'home'), { recursive: true });
  const spec = `file:${path.relative(folder, tarball)}`;
  fs.writeFileSync(
    path.join(folder, 'package.json'),
    `${JSON.stringify({ name: 'npx-test-app', private: true, dependencies: { dsnsh: spec } })}\n`,
  );
  fs.writeFileSync(path.join(folder, 'package-lock.json'), `${JSON.stringify(appLockfile(projectRoot, folder, tarball), null, 2)}\n`);
  try {
    const { stdout, stderr } = await execFileAsync('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: folder,
      env: minimalEnv({ HOME: path.join(folder, 'home'), npm_config_cache: npmCache, npm_config_update_notifier: 'false', ...env }),
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    return { code: typeof error.code === 'number' ? error.code : 1, output: `${error.stdout ?? ''}${error.stderr ?? ''}` };
  }
}
