import { defineConfig } from 'vitest/config';

// Real-browser tests: the built extension in Debian's Chromium, driven by playwright-core.
// One file at a time (each launches a browser; CI has 2 cores).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
