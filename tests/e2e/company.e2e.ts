import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PEOPLE } from '../../lib/sample/business';
import { SAMPLE_COMPANIES, SAMPLE_PERSONS } from '../../lib/sample/people';
import { browserAvailable, launchExtension, sendFromPage, type ExtensionSession } from './harness';

/** The manager's company screen and company list in the built extension, on the sample business. */

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
    await page.goto(new URL('#customers', page.url()).href);
    await page.reload();
    await page.getByLabel('Search customers').fill(SAMPLE_PEOPLE.maria.email);
    await expect.poll(() => page.locator('.filters__count').textContent()).toBe('1 customer');
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

describe.runIf(run)('the company list in real Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('lists every company, narrows by search, opens a company from its row, and keeps the place across reload and Back', async () => {
    const page = await session.extensionPage('/options.html');
    await sendFromPage(page, 'sample.load', {});
    await page.reload();
    await page.getByRole('navigation', { name: 'Manager sections' }).getByRole('button', { name: 'Companies' }).click();
    expect(new URL(page.url()).hash).toBe('#companies');

    const list = page.getByRole('table', { name: 'Company list' });
    const count = page.locator('.filters__count');
    await expect.poll(() => count.textContent()).toBe(`${SAMPLE_COMPANIES.length} companies`);
    const names = await list.locator('.list__row .list__cell--name').allTextContents();
    expect([...names].sort()).toEqual(SAMPLE_COMPANIES.map((c) => c.name).sort());
    const maria = list.getByRole('row').filter({ hasText: SAMPLE_PEOPLE.maria.company });
    const [, domains, contacts, revenue] = await maria.getByRole('cell').allTextContents();
    expect(domains).toBe(SAMPLE_PEOPLE.maria.domain);
    expect(contacts).toBe(String(SAMPLE_PERSONS.filter((p) => p.company === 'nordlicht').length));
    expect(revenue).toMatch(/€/);

    await page.getByLabel('Search companies').fill(SAMPLE_PEOPLE.tom.domain);
    await expect.poll(() => count.textContent()).toBe('1 company');
    expect(await list.locator('.list__row .list__cell--name').allTextContents()).toEqual([SAMPLE_PEOPLE.tom.company]);
    await page.getByLabel('Search companies').fill('nordlicht');
    await expect.poll(() => list.locator('.list__row .list__cell--name').allTextContents()).toEqual([SAMPLE_PEOPLE.maria.company]);

    await list.getByRole('button', { name: SAMPLE_PEOPLE.maria.company }).click();
    const panel = page.getByRole('complementary', { name: `Company ${SAMPLE_PEOPLE.maria.company}` });
    await expect.poll(() => panel.getByRole('table', { name: 'Contacts' }).textContent()).toContain(SAMPLE_PEOPLE.maria.name);
    expect(new URL(page.url()).hash).toMatch(/^#companies\/company\/[\w-]+$/);

    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Companies', exact: true }).getAttribute('aria-current')).toBe('page');
    await expect.poll(() => panel.locator('h2').textContent()).toBe(SAMPLE_PEOPLE.maria.company);

    await page.goBack();
    await expect.poll(() => new URL(page.url()).hash).toBe('#companies');
    await expect.poll(() => panel.count()).toBe(0);
    await expect.poll(() => count.textContent()).toBe(`${SAMPLE_COMPANIES.length} companies`);
    await page.close();
  });

  it('creates a company by hand, refusing a free-mail domain, and follows a rename made in another tab', async () => {
    const page = await session.extensionPage('/options.html#companies');
    const count = page.locator('.filters__count');
    await expect.poll(() => count.textContent()).toBe(`${SAMPLE_COMPANIES.length} companies`);

    await page.getByRole('button', { name: 'New company' }).click();
    const form = page.getByRole('complementary', { name: 'New company' });
    await form.getByLabel('Company name').fill('Kaffeerad');
    await form.getByLabel('Domains (one per line)').fill('gmail.com');
    expect(await form.getByRole('list', { name: 'Domain check' }).textContent()).toContain('gmail.com is a free-mail domain');
    expect(await form.getByRole('button', { name: 'Create company' }).isDisabled()).toBe(true);
    await form.getByLabel('Domains (one per line)').fill('https://www.kaffeerad.de/shop');
    await form.getByRole('button', { name: 'Create company' }).click();

    const created = page.getByRole('complementary', { name: 'Company Kaffeerad' });
    await expect.poll(() => created.locator('.detail__figures').textContent()).toBe('0 contacts · kaffeerad.de');
    await expect.poll(() => count.textContent()).toBe(`${SAMPLE_COMPANIES.length + 1} companies`);

    // A rename elsewhere reaches the open list through the background's pushed change.
    const other = await session.extensionPage('/options.html');
    const reply = (await sendFromPage(other, 'manager.companies', { search: 'kaffeerad.de' })) as { ok: true; data: { rows: { id: string }[] } };
    const id = reply.data.rows[0]?.id;
    expect(id).toBeDefined();
    await sendFromPage(other, 'manager.company.update', { companyId: id, name: 'Kaffeerad Rösterei' });
    await other.close();
    const list = page.getByRole('table', { name: 'Company list' });
    await expect.poll(() => list.locator('.list__row .list__cell--name').allTextContents()).toContain('Kaffeerad Rösterei');
    expect(await list.locator('.list__row .list__cell--name').allTextContents()).not.toContain('Kaffeerad');
    await page.close();
  });
});
