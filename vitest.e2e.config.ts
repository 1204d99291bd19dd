import { defineConfig } from 'vitest/config';

// Real-browser tests: the built extension in Debian's Chromium (playwright-core; `npm run
// test:e2e`) and in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi, tests/e2e/firefox/;
// `npm run test:firefox`). One file at a time (each launches a browser; CI has 2 cores).
export default defineConfig({
  test: {
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'chromium', include: ['tests/e2e/**/*.e2e.ts'], exclude: ['tests/e2e/firefox/**'] } },
      { extends: true, test: { name: 'firefox', include: ['tests/e2e/firefox/**/*.e2e.ts'] } },
    ],
  },
});
