import { describe, expect, it } from 'vitest';
import { cspProblems, scanBundle, securityFields, unreviewed } from '../bundle-scan';

/** The Firefox build (`npm run test:firefox` builds it first). */
const DIR = '.output/firefox-mv2';

describe('S6 manifest snapshot (Firefox)', () => {
  it('has the permissions, hosts, web-accessible resources and CSP of the committed snapshot', async () => {
    const fields = securityFields(DIR);
    // A change here is a reviewed decision: update with `npx vitest run --config vitest.e2e.config.ts tests/e2e/firefox/bundle.e2e.ts -u`.
    await expect(`${JSON.stringify(fields, null, 2)}\n`).toMatchFileSnapshot('../snapshots/manifest-firefox-mv2.json');
    expect(cspProblems(fields)).toEqual([]);
  });
});

describe('S7 static scan of the Firefox bundle', () => {
  it('finds eval, new Function and markup sinks only where the reviewed list explains them', () => {
    const { files, hits } = scanBundle(DIR);
    expect(files.length).toBeGreaterThan(5);
    expect(unreviewed(hits)).toEqual([]);
  });
});
