import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/helpers/global-setup.ts'],
    setupFiles: ['test/helpers/property-seed.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: suites that start their own servers must not fight over them.
    fileParallelism: true,
    maxWorkers: 2,
    pool: 'forks',
  },
});
