import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Tests build temporary projects of their own: they use the bundled faces whatever this machine
// has installed, so their outputs are the same everywhere. Tests of installed faces set
// JIANBAO_FONTS=installed with JIANBAO_FONT_DIRS pointing at fonts made for them.
const env = { JIANBAO_FONTS: 'bundled' };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          env,
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/clients/**', 'test/fuzz/**', 'node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Many files wait on child processes (CLI runs, watch saves, signals) rather than compute:
          // one fork more than the cores keeps both cores busy while one file waits.
          maxWorkers: Math.max(2, availableParallelism() + 1),
        },
      },
      {
        test: {
          name: 'clients',
          env,
          include: ['test/clients/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'fuzz',
          env,
          include: ['test/fuzz/**/*.test.ts'],
          testTimeout: 1_800_000,
        },
      },
    ],
  },
});
