// The named-query file: parallel writers (separate processes) lose nothing, it is 0600, reading
// creates nothing, a corrupt file is reported with its path and left as it was.
import { spawn } from 'node:child_process';
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NamedQueryStore } from '../../source/profiles/named-query-store.js';
import { PROJECT_ROOT } from '../helpers/cli-path.js';

let home: string;
let file: string;
beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-named-store-'));
  file = path.join(home, 'config', 'named-queries.json');
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

/** The real store's source as one module a child process can load (Node 20 runs no TypeScript). */
function bundledStore(): string {
  const out = path.join(home, 'named-query-store.mjs');
  buildSync({
    entryPoints: [path.join(PROJECT_ROOT, 'source/profiles/named-query-store.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'silent',
  });
  return out;
}

/** One process saving one query through the real store. */
function saveInChild(module: string, name: string, sql: string): Promise<number> {
  const script = `const { NamedQueryStore } = await import(${JSON.stringify(module)});
await new NamedQueryStore(${JSON.stringify(file)}).save(${JSON.stringify(name)}, ${JSON.stringify(sql)});`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
}

describe('NamedQueryStore', () => {
  it('reading a missing file lists nothing and creates nothing', () => {
    expect(new NamedQueryStore(file).list()).toEqual([]);
    expect(fs.existsSync(path.dirname(file))).toBe(false);
  });

  it('saves at mode 0600, replaces, lists sorted, removes; an unknown name is a clear error', async () => {
    const store = new NamedQueryStore(file);
    await store.save('b', 'select 2');
    await store.save('a', 'select 1');
    await store.save('b', 'select 22');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(store.list()).toEqual([
      { name: 'a', sql: 'select 1' },
      { name: 'b', sql: 'select 22' },
    ]);
    await store.remove('a');
    expect(store.get('a')).toBeNull();
    await expect(store.remove('a')).rejects.toThrow('no named query "a"');
    await expect(store.save('has space', 'select 1')).rejects.toThrow('is not a usable name');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['named-queries.json']);
  });

  it('__proto__ in the file stays a plain name', async () => {
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, '{"namedQueries": {"__proto__": "select 1", "x": "select 2"}}');
    const store = new NamedQueryStore(file);
    expect(store.get('toString')).toBeNull();
    expect(store.get('x')).toBe('select 2');
  });

  it('a corrupt file is reported with its path and left untouched', async () => {
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, '{not json');
    const store = new NamedQueryStore(file);
    expect(() => store.list()).toThrow(`the named query file ${file} is not valid JSON; it was left untouched`);
    await expect(store.save('a', 'select 1')).rejects.toThrow('is not valid JSON');
    expect(fs.readFileSync(file, 'utf8')).toBe('{not json');
  });

  it('20 processes saving at once keep all 20', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `q${i}`);
    const module = bundledStore();
    const codes = await Promise.all(names.map((name) => saveInChild(module, name, `select ${name.slice(1)}`)));
    expect(codes.every((code) => code === 0)).toBe(true);
    expect(
      new NamedQueryStore(file)
        .list()
        .map((query) => query.name)
        .sort(),
    ).toEqual([...names].sort());
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['named-queries.json']);
  }, 60_000);
});
