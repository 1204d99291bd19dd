// @vitest-environment happy-dom
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_SITES, SITES } from '../../../lib/sites/registry';
import type { SiteAdapter } from '../../../lib/sites/adapter';

/**
 * Every registered site is held to the same bar: saved or authored pages with a SOURCES note and
 * the people and selector counts expected on each (`expected.json` beside the pages, checked
 * here by running the site's own adapter on them), a finder test of its own, and a real-browser
 * test that serves one of its pages at the site's real URL. Adding a site without them fails here.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const PAGES = join(ROOT, 'tests/fixtures/pages');
/** Fixture folders named otherwise than their site. */
const FIXTURE_DIR: Record<string, string> = { generic: 'websites' };

const adapters = Object.values(
  import.meta.glob<{ [name: string]: unknown }>('../../../lib/sites/*/adapter.ts', { eager: true }),
).flatMap((module) => Object.values(module).filter(isAdapter));
const selectorModules = import.meta.glob<{ SELECTOR?: Record<string, string> }>('../../../lib/sites/*/selectors.ts', { eager: true });

function isAdapter(value: unknown): value is SiteAdapter {
  return typeof value === 'object' && value !== null && 'site' in value && typeof (value as SiteAdapter).scan === 'function';
}

interface Expected {
  site: string;
  pages: Record<string, { url: string; people: string[]; counts: Record<string, number> }>;
}

const e2eSources = readdirSync(join(ROOT, 'tests/e2e'))
  .filter((name) => name.endsWith('.e2e.ts'))
  .map((name) => readFileSync(join(ROOT, 'tests/e2e', name), 'utf8'));

describe('the site registry', () => {
  it('has one adapter per site, each in the folder named by its id', () => {
    expect(adapters.map((a) => a.site.id).sort()).toEqual(Object.keys(SITES).sort());
    for (const site of ALL_SITES) expect(existsSync(join(ROOT, 'lib/sites', site.id, 'adapter.ts'))).toBe(true);
  });

  it('gives every built-in site a content script in its folder and match patterns', () => {
    for (const site of ALL_SITES.filter((s) => s.access === 'built-in')) {
      expect(existsSync(join(ROOT, 'lib/sites', site.id, 'content.ts')), site.id).toBe(true);
      expect(site.matches.length, site.id).toBeGreaterThan(0);
    }
  });
});

describe.each(ALL_SITES.map((site) => [site.id, site] as const))('site %s', (id) => {
  const dir = join(PAGES, FIXTURE_DIR[id] ?? id);
  const adapter = adapters.find((a) => a.site.id === id) as SiteAdapter;
  const selectors = selectorModules[`../../../lib/sites/${id}/selectors.ts`]?.SELECTOR ?? {};

  it('has pages with a SOURCES note and the people and selector counts expected on each', () => {
    expect(existsSync(join(dir, 'SOURCES.md'))).toBe(true);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    expect(expected.site).toBe(id);
    const pages = Object.entries(expected.pages);
    expect(pages.length).toBeGreaterThan(0);
    expect(Object.keys(selectors).length).toBeGreaterThan(0);
    const counted = new Set<string>();
    for (const [name, page] of pages) {
      const doc = new DOMParser().parseFromString(readFileSync(join(dir, name), 'utf8'), 'text/html');
      const found = adapter.scan(doc, page.url);
      expect(found?.report.people.map((p) => `${p.role} ${p.email}`) ?? [], name).toEqual(page.people);
      for (const [key, count] of Object.entries(page.counts)) {
        counted.add(key);
        const selector = selectors[key];
        expect(selector, `${name}: ${key} is a selector of ${id}`).toBeTypeOf('string');
        expect(doc.querySelectorAll(selector as string).length, `${name}: ${key}`).toBe(count);
      }
    }
    // Every selector is pinned to a count on at least one page, so an edit that matches more or less shows.
    expect([...counted].sort()).toEqual(Object.keys(selectors).sort());
  });

  it('has a finder test', () => {
    expect(existsSync(join(ROOT, 'tests/lib/sites', id, 'finder.test.ts'))).toBe(true);
  });

  it('has a real-browser test that serves one of its pages at the site’s URL', () => {
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    const served = Object.entries(expected.pages).some(([name, page]) => {
      const file = name.split('/').pop() as string;
      const host = new URL(page.url).hostname;
      return e2eSources.some((source) => source.includes(file) && source.includes(host));
    });
    expect(served).toBe(true);
  });
});

describe('drift diagnoses', () => {
  const gmail = adapters.find((a) => a.site.id === 'gmail') as SiteAdapter;
  const outlook = adapters.find((a) => a.site.id === 'outlook') as SiteAdapter;
  const page = (dir: string, name: string) => new DOMParser().parseFromString(readFileSync(join(PAGES, dir, name), 'utf8'), 'text/html');
  const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKrzzLDFKRWhmrVNKVtJv';
  const OUTLOOK = 'https://outlook.office.com/mail/inbox/id/AAQkAGI2NTZhZmI4LTMzYjAtNDRkZC1iMDkxLWE0OTQ5MjdiMmQ5MQAQAOB5wq1pIUKlx3TLBBzJ7s%3D';

  it('find nothing missing on the pages as the adapters know them', () => {
    expect(gmail.diagnose?.(page('gmail', 'thread-single.html'), THREAD)).toBeNull();
    expect(gmail.diagnose?.(page('gmail', 'inbox.html'), 'https://mail.google.com/mail/u/0/#inbox')).toBeNull();
    expect(outlook.diagnose?.(page('outlook', 'conversation.html'), OUTLOOK)).toBeNull();
    expect(outlook.diagnose?.(page('outlook', 'inbox.html'), 'https://outlook.live.com/mail/0/')).toBeNull();
  });

  it('count every selector where a conversation should be and its markup is not what they read', () => {
    // The sites renamed what the adapters read: Gmail's message classes, Outlook's date test id.
    const gmailDoc = page('gmail', 'thread-single.html');
    for (const el of Array.from(gmailDoc.querySelectorAll('.adn, h2.hP, [data-legacy-message-id]'))) {
      el.removeAttribute('class');
      el.removeAttribute('data-legacy-message-id');
    }
    for (const el of Array.from(gmailDoc.querySelectorAll('[data-legacy-thread-id]'))) el.removeAttribute('data-legacy-thread-id');
    const gmailCounts = gmail.diagnose?.(gmailDoc, THREAD);
    expect(gmailCounts).toMatchObject({ threadOpen: 0, main: 1 });
    expect(Object.values(gmailCounts ?? {}).every((n) => Number.isInteger(n))).toBe(true);

    const outlookDoc = page('outlook', 'conversation.html');
    for (const el of Array.from(outlookDoc.querySelectorAll('[data-testid="SentReceivedSavedTime"]'))) el.setAttribute('data-testid', 'MessageDate');
    expect(outlook.diagnose?.(outlookDoc, OUTLOOK)).toMatchObject({ date: 0, readingPane: 2, person: 10 });
  });
});
