import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PEOPLE } from '../../lib/sample/business';
import { browserAvailable, launchExtension, sendFromPage, type ExtensionSession } from './harness';

/** The manager's company screen in the built extension, on the sample business. */

const run = browserAvailable();

describe.runIf(run)('the company screen in real Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('opens a customer’s company, refuses a free-mail domain, renames it, and opens a contact', async () => {
    const page = await session.extensionPage('/options.html');
    await sendFromPage(page, 'sample.load', {});
    await page.reload();
    await page.getByLabel('Search customers').fill(SAMPLE_PEOPLE.maria.email);
    await expect.poll(() => page.locator('.filters__count').textContent()).toBe('1 customers');
    await page.getByRole('button', { name: SAMPLE_PEOPLE.maria.name }).click();
    await page.getByRole('button', { name: `Open ${SAMPLE_PEOPLE.maria.company}` }).click();

    const panel = page.getByRole('complementary', { name: `Company ${SAMPLE_PEOPLE.maria.company}` });
    await expect.poll(() => panel.locator('h2').textContent()).toBe(SAMPLE_PEOPLE.maria.company);
    const contacts = panel.getByRole('table', { name: 'Contacts' });
    expect(await contacts.textContent()).toContain(SAMPLE_PEOPLE.maria.name);

    const domains = panel.getByLabel('Domains (one per line)');
    const original = await domains.inputValue();
    await domains.fill(`${original}\ngmail.com`);
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('gmail.com is a free-mail domain');
    expect(await domains.inputValue()).toBe(`${original}\ngmail.com`);

    await domains.fill(original);
    await panel.getByLabel('Company name').fill('Nordlicht Möbel GmbH');
    await panel.getByRole('button', { name: 'Save' }).click();
    const renamed = page.getByRole('complementary', { name: 'Company Nordlicht Möbel GmbH' });
    await expect.poll(() => renamed.getByRole('status').textContent()).toBe('Saved.');
    // The list shows the new name too (it reloads after a company edit).
    await expect.poll(() => page.locator('.list__row').first().textContent()).toContain('Nordlicht Möbel GmbH');

    await renamed.getByRole('table', { name: 'Contacts' }).getByRole('button', { name: SAMPLE_PEOPLE.maria.name }).click();
    await expect.poll(() => page.getByRole('complementary', { name: `Customer ${SAMPLE_PEOPLE.maria.name}` }).count()).toBe(1);
    expect(await page.getByRole('complementary', { name: /^Company / }).count()).toBe(0);
    await page.close();
  });
});
