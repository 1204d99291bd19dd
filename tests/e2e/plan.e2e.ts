import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Locator } from 'playwright-core';
import { SAMPLE_PEOPLE } from '../../lib/sample/business';
import { readGmailFixture } from '../../scripts/browser';
import { browserAvailable, launchExtension, sendFromPage, sidebarFrame, type ExtensionSession } from './harness';

const GMAIL = 'https://mail.google.com/mail/u/0/';
const run = browserAvailable();
const text = (locator: Locator) => locator.textContent({ timeout: 500 }).catch(() => null);

/** The buying model on the card and in Explain, consent on the card, Today's plan in the manager. */
describe.runIf(run)("the buying model, consent and Today's plan in real Chromium", () => {
  let session: ExtensionSession;
  const maria = SAMPLE_PEOPLE.maria;

  async function openMaria(): Promise<Frame> {
    const page = await session.context.newPage();
    await page.goto(`${GMAIL}#inbox/FMfcgzQbPlan`);
    const frame = await sidebarFrame(page);
    await expect.poll(() => text(frame.locator('.card__name')), { timeout: 10_000 }).toBe(maria.name);
    return frame;
  }

  beforeAll(async () => {
    session = await launchExtension();
    await session.context.route('https://mail.google.com/**', async (route) => {
      if (route.request().resourceType() !== 'document') return route.fulfill({ status: 204, body: '' });
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readGmailFixture('thread-single.html') });
    });
    const page = await session.extensionPage('/options.html');
    expect(await sendFromPage(page, 'sample.load', {})).toMatchObject({ ok: true });
    await page.close();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows how likely the customer still buys on the card, and the model in words in Explain', async () => {
    const frame = await openMaria();
    const next = frame.locator('.next-action');
    await expect.poll(() => text(next.locator('.insight-rhythm')), { timeout: 10_000 }).toMatch(/\d+ % likely still buying/);
    expect(await text(next.locator('.insight-rhythm'))).not.toMatch(/NaN|Infinity|undefined/);
    await next.locator('details.explain > summary').click();
    const explain = (await text(next.locator('details.explain'))) ?? '';
    expect(explain).toContain('Buying');
    expect(explain).toMatch(/likely still buying: it was/);
    expect(explain).toMatch(/Next 12 months: about \d+\.\d orders/);
    await frame.page().close();
  });

  it('marks a customer do-not-contact from the card: the flag shows and only service suggestions stay', async () => {
    const frame = await openMaria();
    const form = frame.locator('form[aria-label="Consent"]');
    await frame.locator('details.consent-editor > summary').click();
    await form.getByLabel('Do not contact (service replies only)').check();
    await form.getByLabel('Reason').fill('Wrote: please stop contacting me');
    await form.getByRole('button', { name: 'Save consent' }).click();
    await expect.poll(() => text(frame.locator('.consent-flag')), { timeout: 10_000 }).toContain('Do not contact since');
    expect(await text(frame.locator('.consent-flag'))).toContain('Wrote: please stop contacting me');
    // Maria has no open complaint: nothing else may be suggested.
    await expect.poll(() => frame.locator('.next-action .suggestion').count(), { timeout: 10_000 }).toBe(0);
    expect(await text(frame.locator('.next-action'))).toContain('Nothing to do for this relationship right now.');
    await frame.page().close();
  });

  it("shows Today's plan in the manager, grouped, service first, with the campaign export", async () => {
    const page = await session.extensionPage('/options.html#today');
    await page.getByRole('button', { name: 'Today', exact: true }).click();
    const plan = page.locator('.today-plan');
    await expect.poll(() => plan.locator('.today-plan__group').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const groups = await plan.locator('.today-plan__group-title').allTextContents();
    expect(groups[0]).toBe('Service first');
    expect(await plan.locator('[data-group="service"]').textContent()).toContain(SAMPLE_PEOPLE.sabine.name);
    expect(await page.getByRole('button', { name: 'Export the campaign list (CSV)' }).count()).toBe(1);
    await page.close();
  });
});
