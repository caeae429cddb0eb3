import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyKeyBindings, commandFor, keyCommands, keysOf, matches } from '../../../source/ui/keys/key-bindings.js';
import { keyEvent } from '../../../source/ui/keys/key-event.js';
import { keySpecProblem, parseKeyConfig } from '../../../source/ui/keys/key-config.js';
import { keysFile, loadKeyConfig, readKeyConfig } from '../../../source/ui/keys/key-config-file.js';
import { helpLines } from '../../../source/ui/keys/help-lines.js';
import { hintText } from '../../../source/ui/panels/key-hints.js';

const FILE = '/home/ada/.config/dsnsh/keys.json';
afterEach(() => applyKeyBindings(new Map()));

describe('keys.json parsing', () => {
  it('takes command ids to lists of keys in the table syntax, and "vi"', () => {
    const config = parseKeyConfig('{ "prompt.searchHistory": ["ctrl+s"], "results.search": ["char:/", "f3"], "vi": true }', FILE);
    expect(config.problems).toEqual([]);
    expect(config.vi).toBe(true);
    expect(Object.fromEntries(config.overrides)).toEqual({ 'prompt.searchHistory': ['ctrl+s'], 'results.search': ['char:/', 'f3'] });
  });
  it('accepts one key as a plain string; an empty object means the defaults', () => {
    expect(parseKeyConfig('{ "app.help": "f9" }', FILE).overrides.get('app.help')).toEqual(['f9']);
    const empty = parseKeyConfig('{}', FILE);
    expect(empty).toEqual({ overrides: new Map(), vi: null, problems: [] });
  });
  it('an unknown command id names the file and the entry, suggests the id, and is ignored', () => {
    const config = parseKeyConfig('{ "searchHistory": ["ctrl+s"], "app.help": ["f9"] }', FILE);
    expect(config.problems).toHaveLength(1);
    expect(config.problems[0]).toContain(`${FILE}: "searchHistory" is not a command (did you mean "prompt.searchHistory"?)`);
    expect(config.overrides.get('app.help')).toEqual(['f9']);
  });
  it('an unknown key name is an error naming the key and the names that exist; that entry keeps its defaults', () => {
    const config = parseKeyConfig('{ "prompt.searchHistory": ["ctrl+s", "hyper+r"] }', FILE);
    expect(config.problems[0]).toMatch(/"prompt\.searchHistory": "hyper\+r" is not a key name: use ctrl\+LETTER.*keeps its default keys/);
    expect(config.overrides.has('prompt.searchHistory')).toBe(false);
  });
  it.each([
    ['ctrl+s', null],
    ['meta+char:b', null],
    ['char:/', null],
    ['f5', null],
    ['shift+tab', null],
    ['pageDown', null],
    ['ctrl+space', null],
    ['char:ab', /one printable character/],
    ['char:', /one printable character/],
    ['ctrl+char:s', /ctrl\+LETTER/],
    ['shift+char:g', /shifted character itself/],
    ['ctrl+1', /not a key name/],
    ['f13', /not a key name/],
    ['PageDown', /not a key name/],
  ])('key %s', (spec, problem) => {
    const found = keySpecProblem(spec);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
  it('a key bound to two commands of one context is an error; the entries involved keep their defaults', () => {
    const config = parseKeyConfig('{ "prompt.searchHistory": ["ctrl+a"], "results.search": ["char:x"] }', FILE);
    expect(config.problems).toHaveLength(2);
    expect(config.problems[0]).toContain(`${FILE}: "ctrl+a" is bound to both "prompt.searchHistory" and "prompt.home"`);
    expect(config.problems[1]).toContain('"char:x" is bound to both "results.search" and "results.record"');
    expect(config.overrides.size).toBe(0);
  });
  it('two entries of the file on one key: both keep their defaults; a swap of two keys is fine', () => {
    const clash = parseKeyConfig('{ "prompt.home": ["ctrl+o"], "prompt.end": ["ctrl+o"] }', FILE);
    expect(clash.problems[0]).toContain('"ctrl+o" is bound to both "prompt.home" and "prompt.end"');
    expect(clash.problems[0]).toContain('"prompt.home" and "prompt.end" keep their default keys');
    expect(clash.overrides.size).toBe(0);
    const swap = parseKeyConfig('{ "prompt.home": ["ctrl+e"], "prompt.end": ["ctrl+a"] }', FILE);
    expect(swap.problems).toEqual([]);
  });
  it('a global key clashes with the keys of every context', () => {
    const config = parseKeyConfig('{ "app.help": ["char:/"] }', FILE);
    expect(config.problems[0]).toContain('"char:/" is bound to both "app.help" and "results.search" (a global key counts everywhere)');
  });
  it('the same key spelled two ways is one key', () => {
    const config = parseKeyConfig('{ "prompt.home": ["meta+ctrl+z"], "prompt.end": ["ctrl+meta+z"] }', FILE);
    expect(config.problems).toHaveLength(1);
  });
  it('bad JSON, a non-object, bad values and a bad "vi" are errors naming the file; never a throw', () => {
    expect(parseKeyConfig('{ "app.help": [f9] }', FILE).problems[0]).toMatch(
      new RegExp(`^${FILE}: not valid JSON .*Using the default keys`),
    );
    expect(parseKeyConfig('[]', FILE).problems[0]).toContain('must be one JSON object');
    expect(parseKeyConfig('{ "app.help": 9 }', FILE).problems[0]).toContain('"app.help" must be a list of keys');
    const vi = parseKeyConfig('{ "vi": "on" }', FILE);
    expect(vi.vi).toBeNull();
    expect(vi.problems[0]).toContain('"vi" must be true or false');
  });
});

describe('the effective key table', () => {
  it('a rebound command matches its new keys only; others keep their defaults', () => {
    applyKeyBindings(parseKeyConfig('{ "prompt.searchHistory": ["ctrl+s"] }', FILE).overrides);
    expect(matches(keyEvent('s', { ctrl: true }), 'prompt.searchHistory')).toBe(true);
    expect(matches(keyEvent('r', { ctrl: true }), 'prompt.searchHistory')).toBe(false);
    expect(commandFor(keyEvent('a', { ctrl: true }), 'prompt')).toBe('prompt.home');
    expect(keysOf('prompt.searchHistory')).toEqual(['ctrl+s']);
  });
  it('the help overlay and the hint bar show the configured keys', () => {
    applyKeyBindings(parseKeyConfig('{ "prompt.searchHistory": ["ctrl+s"], "app.help": ["f9"] }', FILE).overrides);
    const help = helpLines().join('\n');
    expect(help).toMatch(/^ {2}Ctrl\+S\s+search history backwards/m);
    expect(help).not.toMatch(/^ {2}Ctrl\+R\s+search history/m);
    expect(hintText('prompt')).toContain('F9 help');
  });
});

describe('keys.json on disk', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  it('lives beside profiles.json: $DSNSH_CONFIG_DIR, else $XDG_CONFIG_HOME/dsnsh', () => {
    expect(keysFile({ XDG_CONFIG_HOME: '/x/config', HOME: '/home/ada' })).toBe('/x/config/dsnsh/keys.json');
    expect(keysFile({ DSNSH_CONFIG_DIR: '/etc/dsnsh', XDG_CONFIG_HOME: '/x/config' })).toBe('/etc/dsnsh/keys.json');
    expect(keysFile({ HOME: '/home/ada' })).toBe('/home/ada/.config/dsnsh/keys.json');
  });
  it('a missing file is the defaults; a folder in its place is a problem, not a throw', () => {
    const folder = mkdtempSync(join(tmpdir(), 'dsnsh-keys-'));
    folders.push(folder);
    expect(readKeyConfig(join(folder, 'keys.json'))).toEqual({ overrides: new Map(), vi: null, problems: [] });
    expect(readKeyConfig(folder).problems[0]).toContain(`${folder}: cannot be read`);
  });
  it('loading applies the file to the key table', () => {
    const folder = mkdtempSync(join(tmpdir(), 'dsnsh-keys-'));
    folders.push(folder);
    const file = join(folder, 'keys.json');
    writeFileSync(file, '{ "app.help": ["f9"], "vi": true }');
    const config = loadKeyConfig(file);
    expect(config.vi).toBe(true);
    expect(matches(keyEvent('f9'), 'app.help')).toBe(true);
    expect(matches(keyEvent('f1'), 'app.help')).toBe(false);
  });
});

describe('the README', () => {
  it('lists every command id with its default keys (the errors point there)', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Keys'), readme.indexOf('## Performance'));
    for (const command of keyCommands) {
      const keys = command.keys.map((key) => `\`${key.replace('|', '\\|')}\``).join(' ');
      expect(section).toContain(`| \`${command.id}\` | ${keys} |`);
    }
    expect(section).toContain('"vi": true');
  });
});
