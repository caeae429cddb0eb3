// --pid carries the service's own environment for the DSN's libpq-style defaults (PG* variables,
// its user and home from its /etc/passwd, files read through its root), as data for the parser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dsnEnvironmentOf } from '../../source/discovery/dsn-environment-of.js';
import { cleanPath, resolveInRoot } from '../../source/discovery/path-in-root.js';
import { resolveTarget } from '../../source/profiles/resolve-target.js';
import { ProfileStore } from '../../source/profiles/profile-store.js';
import { startStandIn, type StandIn } from '../helpers/stand-in-service.js';

let dir: string;
let service: StandIn;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-ory-env-'));
  const root = path.join(dir, 'root');
  fs.mkdirSync(path.join(root, 'etc'), { recursive: true });
  fs.mkdirSync(path.join(root, 'home/nonroot'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'etc/passwd'),
    'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:0:0:nonroot:/home/nonroot:/sbin/nologin\n'.replace(
      'root:x:0:0:root',
      'admin:x:9:9:admin',
    ),
  );
  fs.writeFileSync(path.join(root, 'home/nonroot/.pgpass'), 'db:5432:kratos:kratos:from-pgpass\n');
  service = await startStandIn({
    name: 'kratos',
    args: ['serve'],
    root,
    env: {
      DSN: 'postgres://kratos@db/kratos',
      PGPASSFILE: '/home/nonroot/.pgpass',
      PGAPPNAME: 'kratos',
      PGSSLMODE: 'verify-full',
      SECRETS_COOKIE: 'not-for-dsnsh',
      HOME: '/home/nonroot',
    },
  });
});
afterAll(async () => {
  await service.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the environment of --pid', () => {
  it("is the service's PG* variables, HOME and USER, not the other variables, and not this process's", async () => {
    const target = await resolveTarget({
      pid: String(service.pid),
      env: { PGAPPNAME: 'mine', PGHOST: 'elsewhere' },
      store: () => new ProfileStore(path.join(dir, 'p.json')),
    });
    expect(target).toMatchObject({ dsn: 'postgres://kratos@db/kratos', source: 'pid', label: `kratos serve (pid ${service.pid})` });
    expect(target.environment?.env).toEqual({
      PGPASSFILE: '/home/nonroot/.pgpass',
      PGAPPNAME: 'kratos',
      PGSSLMODE: 'verify-full',
      HOME: '/home/nonroot',
    });
  });

  it("gives the parser the service's OS user and files as the service sees them", async () => {
    const target = await resolveTarget({ pid: String(service.pid), env: {}, store: () => new ProfileStore(path.join(dir, 'p.json')) });
    const environment = dsnEnvironmentOf(target.environment!);
    expect(environment.osUser).toBe('nonroot');
    expect(environment.homeDir).toBe('/home/nonroot');
    expect(environment.readFile('/home/nonroot/.pgpass')).toBe('db:5432:kratos:kratos:from-pgpass\n');
    expect(environment.exists('/etc/passwd')).toBe(true);
    expect(environment.exists('/home/nonroot/.postgresql/root.crt')).toBe(false);
  });
});

describe('paths inside another root', () => {
  it('cleans as Go does and never climbs above the root', () => {
    expect(cleanPath('a/../b')).toBe('b');
    expect(cleanPath('/../../etc/./k.yml')).toBe('/etc/k.yml');
    const root = path.join(dir, 'root');
    fs.symlinkSync('/../../../../etc/passwd', path.join(root, 'escape'));
    expect(resolveInRoot(root, '/escape', '/')).toBe(`${root}/etc/passwd`);
  });
});
