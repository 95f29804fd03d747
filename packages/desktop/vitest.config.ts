import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Browser and backend tests start real processes; one file at a time keeps a 2-core machine sane.
    fileParallelism: false,
  },
});
