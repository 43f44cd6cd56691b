import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:faults`: the runs killed half-way and the outputs that cannot be written. They start
 * the built CLI (dist/) as a separate process, one file at a time (a kill lands by what the process
 * has written, so nothing else should compete for the cores), on a warehouse of the samples built
 * once by global-setup.ts.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['test/faults/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
