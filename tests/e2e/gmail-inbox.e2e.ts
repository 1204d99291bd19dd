import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PEOPLE } from '../../lib/sample/business';
import { readGmailFixture } from '../../scripts/browser';
import { browserAvailable, launchExtension, sendFromPage, sidebarFrame, type ExtensionSession } from './harness';

const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
const MARK = 'crm-tier-mark';
const run = browserAvailable();

/** The address of the row participant each mark stands before, in page order. */
function markedAddresses(page: Page): Promise<(string | null)[]> {
  return page.evaluate(
    (tag) => Array.from(document.querySelectorAll(tag)).map((m) => m.nextElementSibling?.getAttribute('email') ?? null),
    MARK,
  );
}

/** Every name in Chromium's accessibility tree, which (unlike the page's DOM) includes closed shadow roots. */
async function accessibleNames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { name?: { value?: unknown } }[] };
  await cdp.detach();
  return nodes.map((n) => String(n.name?.value ?? ''));
}

describe.runIf(run)('Gmail inbox tier marks in real Chromium', () => {
  let session: ExtensionSession;
  let extension: Page;

  beforeAll(async () => {
    session = await launchExtension();
    // Served as Gmail serves itself: with Trusted Types enforced, so a mark built from an HTML
    // string would throw here (and show in the console) instead of passing.
    await session.context.route('https://mail.google.com/**', (route) =>
      route.request().resourceType() === 'document'
        ? route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            headers: { 'content-security-policy': "require-trusted-types-for 'script'; trusted-types 'none'" },
            body: readGmailFixture('inbox.html'),
          })
        : route.fulfill({ status: 204, body: '' }),
    );
    extension = await session.extensionPage('/options.html');
    expect(await sendFromPage(extension, 'sample.load', {})).toMatchObject({ ok: true });
    // Maria gets tier A by hand, so the test does not depend on how the sample ranks.
    const found = (await sendFromPage(extension, 'quicknote.candidates', { query: SAMPLE_PEOPLE.maria.email, tabId: null })) as {
      data: { matches: { customerId: string }[] };
    };
    const customerId = found.data.matches[0]?.customerId;
    expect(customerId).toBeTruthy();
    expect(
      await sendFromPage(extension, 'manager.customer.update', { customerId, patch: { tierOverride: 'A' } }),
    ).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    await session?.close();
  });

  async function setMarks(on: boolean) {
    const settings = await session.extensionPage('/settings.html');
    const box = settings.getByLabel('Show tier marks in the Gmail inbox');
    await box.waitFor();
    await box.setChecked(on);
    const section = settings.locator('section', { has: box });
    await section.getByRole('button', { name: 'Save' }).click();
    await section.getByText('Saved.').waitFor();
    await settings.close();
  }

  it('offers a search when the page yields nobody and opens the chosen customer’s card', async () => {
    const page = await session.context.newPage();
    await page.goto(INBOX);
    const frame = await sidebarFrame(page);
    const box = frame.getByRole('combobox', { name: 'Find a customer' });
    await box.fill('nordlicht');
    await frame.getByRole('option', { name: new RegExp(SAMPLE_PEOPLE.maria.name) }).waitFor();
    await box.press('Enter');
    await expect
      .poll(() => frame.getByRole('heading', { level: 2 }).first().textContent(), { timeout: 3000 })
      .toContain(SAMPLE_PEOPLE.maria.name);
    expect(await frame.locator('main').textContent()).toContain(SAMPLE_PEOPLE.maria.pinnedNote);
    await page.close();
  });

  it('puts nothing into Gmail’s page while the setting is off (the default)', async () => {
    const page = await session.context.newPage();
    await page.goto(INBOX);
    await sidebarFrame(page);
    await page.waitForTimeout(1000);
    expect(await page.locator(MARK).count()).toBe(0);
    await page.close();
  });

  it('marks a known customer’s row once turned on, live, and removes the marks when turned off', async () => {
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(INBOX);
    // Trusted Types are really on: parsing an HTML string fails on this page.
    await expect(page.evaluate(() => void document.createRange().createContextualFragment('<b>x</b>'))).rejects.toThrow(/TrustedHTML/);
    errors.length = 0; // that probe's own console report
    await sidebarFrame(page);
    await setMarks(true);
    await expect.poll(() => markedAddresses(page), { timeout: 5000 }).toContain(SAMPLE_PEOPLE.maria.email);
    expect(await markedAddresses(page)).not.toContain(SAMPLE_PEOPLE.self);
    // The letter lives in a closed shadow root: the page's DOM shows an empty element, the
    // accessibility tree (what the user's screen reader gets) shows the tier.
    const mariaRow = page.locator('tr.zA', { has: page.locator(`[email="${SAMPLE_PEOPLE.maria.email}"]`) });
    expect(await mariaRow.locator(MARK).textContent()).toBe('');
    expect(await accessibleNames(page)).toContain('Tier A customer');
    const box = await mariaRow.locator(MARK).boundingBox();
    expect(box?.width).toBeGreaterThan(8);

    // A reload starts with the setting on.
    await page.reload();
    await expect.poll(() => markedAddresses(page), { timeout: 5000 }).toContain(SAMPLE_PEOPLE.maria.email);

    await setMarks(false);
    await expect.poll(() => page.locator(MARK).count(), { timeout: 5000 }).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
