import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspProblems, scanBundle, securityFields, unreviewed } from './bundle-scan';

/** The Chromium build (`npm run test:e2e` builds it first). */
const DIR = '.output/chrome-mv3';

describe('S6 manifest snapshot (Chromium)', () => {
  it('has the permissions, hosts, web-accessible resources, CSP and external reach of the committed snapshot', async () => {
    const fields = securityFields(DIR);
    // A change here is a reviewed decision: update with `npx vitest run --config vitest.e2e.config.ts tests/e2e/bundle.e2e.ts -u`.
    await expect(`${JSON.stringify(fields, null, 2)}\n`).toMatchFileSnapshot('./snapshots/manifest-chrome-mv3.json');
    expect(cspProblems(fields)).toEqual([]);
    expect(fields.externally_connectable).toEqual({ ids: [], matches: [] });
    for (const entry of fields.web_accessible_resources as { use_dynamic_url?: boolean }[]) expect(entry.use_dynamic_url).toBe(true);
  });
});

describe('S7 static scan of the Chromium bundle', () => {
  it('finds eval, new Function and markup sinks only where the reviewed list explains them', () => {
    const { files, hits } = scanBundle(DIR);
    expect(files.length).toBeGreaterThan(5);
    expect(unreviewed(hits)).toEqual([]);
  });
});

describe('S7 the scan itself', () => {
  it('flags eval, Function and markup sinks no entry explains, and passes the reviewed ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-scan-'));
    try {
      writeFileSync(join(dir, 'manifest.json'), '{}');
      writeFileSync(
        join(dir, 'evil.js'),
        'a=eval(s);b=new Function("x",s);c=Function(s);el.innerHTML=s;el.insertAdjacentHTML("beforeend",s);document.write(s);setTimeout("go()",1);p.dynamicTypingFunction(t)',
      );
      writeFileSync(join(dir, 'zod.js'), 'var oe=g(()=>{if(Qe.jitless||typeof navigator<`u`&&navigator?.userAgent?.includes(`Cloudflare`))return!1;try{return Function(``),!0}catch{return!1}});');
      const found = unreviewed(scanBundle(dir).hits);
      expect(found.map((hit) => `${hit.file} ${hit.sink}`)).toEqual(['evil.js eval', 'evil.js new Function', 'evil.js Function()', 'evil.js innerHTML', 'evil.js insertAdjacentHTML', 'evil.js document.write', 'evil.js string timer']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(cspProblems({ content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval' https://cdn.example; object-src 'self'" } })).toEqual([
      `unsafe-eval in "script-src 'self' 'unsafe-eval' https://cdn.example; object-src 'self'"`,
      'script-src allows https://cdn.example',
    ]);
  });
});
