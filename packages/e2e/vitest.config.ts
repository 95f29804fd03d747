import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The chaos runs supervise real processes and read /proc: one file at a time keeps them apart.
    fileParallelism: false,
  },
});
