import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PEOPLE } from '../../lib/sample/business';
import { browserAvailable, launchExtension, sendFromPage, serveGmail, sidebarFrame, type ExtensionSession } from './harness';

const COMPOSE = 'https://mail.google.com/mail/u/0/#inbox?compose=new';
const run = browserAvailable();

/**
 * Adds or removes a recipient chip in the fixture's PeopleKit compose window, as Gmail does when
 * the user types an address and presses Enter (tests/fixtures/pages/gmail/compose.html header).
 */
function addRecipient(page: Page, field: 'to' | 'cc' | 'bcc', email: string, name: string): Promise<void> {
  return page.evaluate(
    ([f, address, display]) => {
      const chip = document.createElement('div');
      chip.className = 'agh';
      const option = document.createElement('div');
      option.setAttribute('role', 'option');
      option.setAttribute('data-hovercard-id', address);
      option.setAttribute('data-name', display);
      option.textContent = display;
      chip.append(option);
      document.querySelector(`div.M9 div[name="${f}"] [role="listbox"]`)?.append(chip);
    },
    [field, email, name] as const,
  );
}

/** A recipient typed into the reply open inline under the thread (thread-inline-reply.html). */
function addInlineRecipient(page: Page, field: 'to' | 'cc', email: string, name: string): Promise<void> {
  return page.evaluate(
    ([f, address, display]) => {
      const chip = document.createElement('div');
      chip.className = 'agh';
      const option = document.createElement('div');
      option.setAttribute('role', 'option');
      option.setAttribute('data-hovercard-id', address);
      option.setAttribute('data-name', display);
      option.textContent = display;
      chip.append(option);
      document.querySelector(`.ip div[name="${f}"] [role="listbox"]`)?.append(chip);
    },
    [field, email, name] as const,
  );
}

function removeRecipient(page: Page, email: string): Promise<void> {
  return page.evaluate((address) => document.querySelector(`[data-hovercard-id="${address}"]`)?.closest('.agh')?.remove(), email);
}

const heading = (frame: Frame) => frame.getByRole('heading', { level: 2 }).first().textContent();

describe.runIf(run)('Gmail compose in real Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    // Account 1 is the thread with a reply open inline; account 0 the new-message window.
    await serveGmail(session.context, (url) => (url.pathname.startsWith('/mail/u/1/') ? 'thread-inline-reply.html' : 'compose.html'));
    const page = await session.extensionPage('/options.html');
    expect(await sendFromPage(page, 'sample.load', {})).toMatchObject({ ok: true });
    await page.close();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows a typed recipient’s customer card within half a second, and follows the recipients as they change', async () => {
    const page = await session.context.newPage();
    await page.goto(COMPOSE);
    const frame = await sidebarFrame(page);
    await expect.poll(() => frame.locator('main').textContent(), { timeout: 5000 }).toContain('Add a recipient');

    const t0 = Date.now();
    await addRecipient(page, 'to', SAMPLE_PEOPLE.maria.email, SAMPLE_PEOPLE.maria.name);
    await expect.poll(() => heading(frame), { timeout: 2000, interval: 20 }).toContain(SAMPLE_PEOPLE.maria.name);
    expect(Date.now() - t0).toBeLessThan(500);
    expect(await frame.locator('main').textContent()).toContain(SAMPLE_PEOPLE.maria.pinnedNote);

    // A second recipient (cc) joins the switcher; a new address is offered as a customer.
    await addRecipient(page, 'cc', SAMPLE_PEOPLE.unknown.email, SAMPLE_PEOPLE.unknown.name);
    await frame.getByRole('tab', { name: new RegExp(SAMPLE_PEOPLE.unknown.name) }).waitFor({ timeout: 2000 });
    await frame.getByRole('tab', { name: new RegExp(SAMPLE_PEOPLE.unknown.name) }).click();
    await frame.getByRole('button', { name: 'Add as customer' }).waitFor();

    // Maria removed from To: only the new address is left.
    await removeRecipient(page, SAMPLE_PEOPLE.maria.email);
    await expect.poll(() => frame.getByRole('tab').count(), { timeout: 2000 }).toBe(0);
    expect(await frame.locator('main').textContent()).not.toContain(SAMPLE_PEOPLE.maria.pinnedNote);
    // The one left is the new address, still offered as a customer (not an empty compose).
    expect(await frame.getByRole('button', { name: 'Add as customer' }).count()).toBe(1);
    expect(await frame.locator('main').textContent()).toContain(SAMPLE_PEOPLE.unknown.email);
    await page.close();
  });

  it('adds a recipient typed into an inline reply to the sidebar’s people', async () => {
    const page = await session.context.newPage();
    await page.goto('https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKrzzLDFKRWhmrVNKVtJv');
    const frame = await sidebarFrame(page);
    await expect.poll(() => heading(frame), { timeout: 5000 }).toContain(SAMPLE_PEOPLE.maria.name);
    expect(await frame.getByRole('tab').count()).toBe(0);

    await addInlineRecipient(page, 'cc', SAMPLE_PEOPLE.tom.email, SAMPLE_PEOPLE.tom.name);
    await frame.getByRole('tab', { name: new RegExp(SAMPLE_PEOPLE.tom.name) }).waitFor({ timeout: 2000 });
    await frame.getByRole('tab', { name: new RegExp(SAMPLE_PEOPLE.tom.name) }).click();
    await expect.poll(() => heading(frame), { timeout: 2000 }).toContain(SAMPLE_PEOPLE.tom.name);
    await page.close();
  });
});
