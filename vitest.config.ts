import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    restoreMocks: true,
    // Some tests build books of 10,000 customers or pages of 5,000 addresses: they take a few
    // seconds on a quiet 2-core machine and several times that on a busy one. The limit is a
    // guard against hangs, not a speed check (speed is the bench's job).
    testTimeout: 30_000,
  },
});
