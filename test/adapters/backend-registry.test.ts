// The registry: every backend a DSN can name is served by exactly one module, and what a module
// says its adapter offers (capabilities, server activity, name comparison) is what the adapter
// it opens reports.
import { afterAll, describe, expect, it } from 'vitest';
import { BACKEND_MODULES, moduleFor } from '../../source/adapters/backend-registry.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import type { Backend } from '../../source/dsn/types.js';
import { CONTRACT_BACKENDS } from './contract/backends.js';

const EVERY_BACKEND: Backend[] = ['memory', 'sqlite', 'postgres', 'cockroach', 'mysql'];

describe('backend registry', () => {
  afterAll(() => {
    for (const backend of CONTRACT_BACKENDS) backend.cleanUp?.();
  });

  it('serves every backend by exactly one module', () => {
    for (const backend of EVERY_BACKEND) {
      const serving = BACKEND_MODULES.filter((module) => (module.backends as readonly Backend[]).includes(backend));
      expect(
        serving.map((module) => module.name),
        backend,
      ).toHaveLength(1);
    }
    expect(BACKEND_MODULES.flatMap((module) => module.backends).sort()).toEqual([...EVERY_BACKEND].sort());
  });

  for (const backend of CONTRACT_BACKENDS) {
    it.skipIf(!backend.available())(`${backend.label}: the module's capabilities are the opened adapter's`, async () => {
      const dsn = parseDsn(backend.dsn());
      const module = moduleFor(dsn);
      const adapter = await module.open(dsn, backend.openOptions);
      try {
        expect(adapter.backend).toBe(dsn.backend);
        expect(adapter.capabilities).toEqual(module.capabilities(dsn, backend.openOptions));
        // What the runtime wrapper says before it has opened anything (runtime-adapter.ts)
        expect(adapter.activity !== undefined).toBe(module.activity);
        expect(adapter.introspect.nameCase).toBe(module.nameCase);
      } finally {
        await adapter.close();
      }
    });
  }

  it('probes servers, and has no server to probe for a file database', async () => {
    const memory = parseDsn('memory');
    expect(await moduleFor(memory).probe(memory, 1000)).toBeNull();
  });
});
