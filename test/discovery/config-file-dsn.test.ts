// The dsn key of Ory config files, read as Ory's loader reads them. Every case's expectation was
// checked against the Go libraries the services use (go-yaml v3, go-toml v1, encoding/json):
// the same value, the same "no dsn", or an error where they fail. Where dsnsh does not follow a
// construct (tags, aliases, merge keys on dsn) it refuses and says so instead of guessing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfigFileDsn } from '../../source/discovery/config-file-dsn.js';
import { DiscoveryError } from '../../source/discovery/discovery-error.js';

interface Case {
  name: string;
  ext: string;
  text: string;
  value?: string;
  absent?: boolean;
  error?: string;
  dsn_type?: string;
  unsupported?: boolean;
}
const cases: Case[] = JSON.parse(fs.readFileSync(new URL('../fixtures/discovery/config-dsn-cases.json', import.meta.url), 'utf8'));

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-ory-config-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function read(name: string, ext: string, text: string) {
  const file = path.join(dir, `${name.replace(/\W+/g, '-')}.${ext}`);
  fs.writeFileSync(file, text);
  return () => readConfigFileDsn(file, { root: '', cwd: dir, owner: '--config' });
}

describe('the dsn key of a config file', () => {
  for (const c of cases) {
    it(`${c.ext}: ${c.name}`, () => {
      const run = read(c.name, c.ext, c.text);
      if (c.unsupported) {
        expect(run).toThrow(/dsnsh (does not|reads)/);
        return;
      }
      if (c.error !== undefined || c.dsn_type !== undefined) {
        expect(run).toThrow(DiscoveryError);
        if (c.dsn_type !== undefined && c.dsn_type !== '<nil>') expect(run).toThrow(/not a string/);
        if (c.dsn_type === '<nil>') expect(run).toThrow(/no value/);
        return;
      }
      const found = run();
      if (c.absent) expect(found.value).toBeNull();
      else expect(found.value).toBe(c.value);
    });
  }

  it('names the file, the line and the problem', () => {
    const run = read('dup', 'yml', 'log: {}\ndsn: a\ndsn: b\n');
    expect(run).toThrow(/dup\.yml line 3 \(--config\): the key "dsn" is defined twice in the same mapping/);
  });

  it('a key in another case is named (koanf keys are case-sensitive)', () => {
    expect(read('upper', 'yml', 'DSN: memory\n')().otherCase).toEqual(['DSN']);
  });

  it('the extension decides the format, as in Ory: .yml, .yaml, .json, .toml only', () => {
    expect(read('upper-ext', 'YML', 'dsn: memory\n')).toThrow(/unknown config file extension \.YML/);
    expect(read('conf', 'conf', 'dsn: memory\n')).toThrow(/not an Ory config file/);
  });

  it('a missing file says ENOENT with the path', () => {
    expect(() => readConfigFileDsn('/nonexistent/kratos.yml', { root: '', cwd: '/', owner: "pid 7's --config" })).toThrow(
      /cannot read the config file \/nonexistent\/kratos\.yml \(pid 7's --config\): no such file or directory \(ENOENT\)/,
    );
  });
});
