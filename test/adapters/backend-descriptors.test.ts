// Backends as data: each backend folder's descriptor is what the rest of dsnsh asks, the
// descriptors stay light (no driver, no adapter, not even lazily), and code outside the backend
// folders does not switch on backend names (an explicit allow-list says why each remaining one stays).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServerProbe } from '../../source/adapters/adapter.js';
import { BACKEND_DESCRIPTORS } from '../../source/adapters/backend-descriptors.js';
import { BACKEND_MODULES } from '../../source/adapters/backend-registry.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { diagnoseFailure } from '../../source/noninteractive/doctor-diagnosis.js';
import { hopelessConnect, tlsAdvice } from '../../source/noninteractive/doctor-server-checks.js';

const SOURCE = path.resolve(import.meta.dirname, '../../source');
const BACKEND_FOLDERS = ['postgres', 'mysql', 'sqlite'].map((name) => path.join(SOURCE, 'adapters', name));
const NAME = '(?:memory|sqlite|postgres|cockroach|mysql)';
/** A branch or a table on a backend's name: `case 'mysql':`, `backend === 'sqlite'`, `'postgres' !== dialect`, `Record<Backend, …>` */
const SWITCHES = [
  new RegExp(`\\bcase '${NAME}':`),
  new RegExp(`\\b(?:backend|dialect)\\s*[!=]==\\s*'${NAME}'`),
  new RegExp(`'${NAME}'\\s*[!=]==\\s*[\\w.]*(?:backend|dialect)\\b`),
  /Record<(?:Backend|ParsedDsn\['backend'\])\b/,
];

/** Files outside the backend folders that still name backends, and why. Keep it short. */
const ALLOWED: Record<string, string> = {
  'dsn/parse-postgres.ts': 'the PostgreSQL parser tells its own two backends apart (postgres://, cockroach://)',
  'dsn/pg-interpret.ts': "the PostgreSQL parser's CockroachDB port warning (its own backend)",
  'sql/session-state-change.ts': 'compares SQL dialects (the language), not backends: MySQL LOCK and :=, PostgreSQL SET LOCAL',
  'sql/read-only-violation.ts': "compares SQL dialects: PostgreSQL's set_config()",
  'ory/preview-sql.ts': "compares SQL dialects: each dialect's timestamp literal",
  'ui/query/run-explain.ts': "compares SQL dialects to read each dialect's plan (FORMAT JSON, FORMAT=JSON, QUERY PLAN)",
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return BACKEND_FOLDERS.includes(full) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Relative imports that load code (not `import type`), resolved to files. */
function staticImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+'([^']+)'/gms)].map((match) => match[1]!);
  return specifiers.map((specifier) =>
    specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')) : specifier,
  );
}

describe('backend descriptors', () => {
  it('describe the same folders and backends as the registry serves, with the same knowledge', () => {
    const byName = (entries: [string, readonly string[]][]) => entries.sort(([a], [b]) => a.localeCompare(b));
    const described = byName(BACKEND_DESCRIPTORS.map((descriptor) => [descriptor.name, [...descriptor.backends]]));
    expect(byName(BACKEND_MODULES.map((module) => [module.name, [...module.backends]]))).toEqual(described);
    for (const module of BACKEND_MODULES) {
      const descriptor = BACKEND_DESCRIPTORS.find((candidate) => candidate.name === module.name)!;
      expect(module.explain).toBe(descriptor.explain);
      expect(module.server).toBe(descriptor.server);
      expect(module.sqlDialect).toBe(descriptor.sqlDialect);
      expect(module.migrationDialects).toBe(descriptor.migrationDialects);
      expect(module.schemes).toBe(descriptor.schemes);
    }
  });

  it('load no driver and no adapter, not even lazily (the SQLite worker bundles what they import)', () => {
    const seen = new Set<string>();
    const pending = [path.join(SOURCE, 'adapters/backend-descriptors.ts')];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const text = fs.readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/\bimport\(/);
      for (const target of staticImports(file)) {
        expect(['pg', 'mysql2', 'better-sqlite3'], `${file} imports ${target}`).not.toContain(target.split('/')[0]);
        if (path.isAbsolute(target)) pending.push(target);
      }
    }
    expect([...seen].some((file) => file.endsWith('postgres-explain.ts'))).toBe(true);
  });

  it('are what the code outside the backend folders asks: it does not switch on backend names', () => {
    const switching = sourceFiles(SOURCE)
      .filter((file) => {
        const text = fs.readFileSync(file, 'utf8');
        return SWITCHES.some((pattern) => pattern.test(text));
      })
      .map((file) => path.relative(SOURCE, file))
      .sort();
    expect(switching).toEqual(Object.keys(ALLOWED).sort());
  });
});

describe('a backend without a server', () => {
  const memory = parseDsn('memory');
  const probe: ServerProbe = {
    address: 'memory',
    unreachable: null,
    protocol: 'postgres',
    greetingVersion: null,
    refusal: null,
    tls: {
      offered: true,
      verified: false,
      verifyError: 'SELF_SIGNED_CERT_IN_CHAIN',
      hostMatches: null,
      certificate: null,
      requiredByServer: false,
      requiredDetail: null,
    },
  };

  it("gets no TLS advice in PostgreSQL's words", () => {
    expect(tlsAdvice(memory, probe, { encrypted: false, verified: false })).toEqual([]);
    expect(tlsAdvice(memory, probe, { encrypted: true, verified: false })).toEqual([]);
  });

  it("is not told it speaks PostgreSQL's protocol, nor given PostgreSQL's TLS fixes", () => {
    expect(hopelessConnect(memory, probe)).toBeNull();
    const tlsRequired = Object.assign(new Error('no encryption'), { code: '3159' });
    expect(diagnoseFailure(memory, tlsRequired, null).fix).not.toMatch(/sslmode/);
  });
});
