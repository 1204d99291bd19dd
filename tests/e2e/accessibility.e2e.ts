import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { SAMPLE_PEOPLE } from '../../lib/sample/business';
import { readGmailFixture } from '../../scripts/browser';
import { describeViolations, seriousViolations } from './axe';
import { browserAvailable, launchExtension, sendFromPage, serveGmail, sidebarFrame, type ExtensionSession } from './harness';

const GMAIL = 'https://mail.google.com/mail/u/0/';
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];
const run = browserAvailable();

/** axe-core on a page or frame: no violation of serious or critical impact. */
async function expectAccessible(scope: Page | Frame, what: string): Promise<void> {
  const violations = await seriousViolations((expression) => scope.evaluate(expression));
  expect.soft(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}

/** Whether the page's background (body's, else the root's) is dark: the theme took effect, not just the media query. */
function backgroundIsDark(scope: Page | Frame): Promise<boolean> {
  return scope.evaluate(() => {
    const painted = [document.body, document.documentElement]
      .map((el) => getComputedStyle(el).backgroundColor)
      .find((color) => !/^rgba\(.*,\s*0\)$|^transparent$/.test(color));
    const [r = 255, g = 255, b = 255] = (painted?.match(/[\d.]+/g) ?? []).map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 80;
  });
}

/** The thread fixture as Gmail paints it in a dark theme. */
function darkGmail(): string {
  return readGmailFixture('thread-single.html').replace('</head>', '<style>html, body { background: #1f1f1f; color: #e3e3e3; }</style></head>');
}

describe.runIf(run)('accessibility in real Chromium (axe-core, WCAG 2.1 AA)', () => {
  let session: ExtensionSession;
  let mariaId: string;
  let companyId: string;
  const fixtures: Record<string, string> = {
    '#inbox/FMfcgzQbmaria': 'thread-single.html',
    '#inbox/FMfcgzQbmany': 'thread-many-recipients.html',
    '#inbox': 'inbox.html',
  };
  let nextFixture = 'thread-single.html';

  beforeAll(async () => {
    session = await launchExtension();
    await serveGmail(session.context, () => nextFixture);
    const page = await session.extensionPage('/options.html');
    expect(await sendFromPage(page, 'sample.load', {})).toMatchObject({ ok: true });
    const found = (await sendFromPage(page, 'quicknote.candidates', { query: SAMPLE_PEOPLE.maria.email, tabId: null })) as {
      data: { matches: { customerId: string; companyId: string | null }[] };
    };
    mariaId = found.data.matches[0]?.customerId ?? '';
    companyId = found.data.matches[0]?.companyId ?? '';
    expect(mariaId).not.toBe('');
    await page.close();
  });

  afterAll(async () => {
    await session?.close();
  });

  async function gmail(hash: keyof typeof fixtures, theme: Theme): Promise<{ page: Page; frame: Frame }> {
    nextFixture = fixtures[hash] ?? 'inbox.html';
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(GMAIL + hash);
    return { page, frame: await sidebarFrame(page) };
  }

  async function extensionPage(path: string, theme: Theme): Promise<Page> {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`chrome-extension://${session.extensionId}${path}`);
    return page;
  }

  it('turns the sidebar dark beside Gmail in its dark theme, while the system is light', async () => {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    // A second account's Gmail in a dark theme: light text on a dark page, as Gmail paints it.
    await page.route('https://mail.google.com/mail/u/1/**', (route) =>
      route.request().resourceType() === 'document'
        ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: darkGmail() })
        : route.fulfill({ status: 204, body: '' }),
    );
    await page.goto('https://mail.google.com/mail/u/1/#inbox/FMfcgzQbdark');
    const frame = await sidebarFrame(page);
    await expect.poll(() => frame.locator('main').textContent(), { timeout: 5000 }).toContain(SAMPLE_PEOPLE.maria.name);
    await expect.poll(() => backgroundIsDark(frame), { timeout: 3000 }).toBe(true);
    await expectAccessible(frame, 'card beside dark Gmail');
    await page.close();
  });

  it('reaches every control of the card by Tab, each with a visible focus', async () => {
    const { page, frame } = await gmail('#inbox/FMfcgzQbmaria', 'light');
    await expect.poll(() => frame.locator('main').textContent(), { timeout: 5000 }).toContain(SAMPLE_PEOPLE.maria.name);
    await frame.getByRole('button', { name: 'Find a customer' }).focus();
    const stops: { name: string; visible: boolean }[] = [];
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      const stop = await frame.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body || !document.hasFocus()) return null;
        const style = getComputedStyle(el);
        const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        return { name: `${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}`, visible: outlined || style.boxShadow !== 'none' };
      });
      if (!stop) break;
      stops.push(stop);
    }
    // The card's controls: the switcher or top bar, next action, notes, log, history.
    expect(stops.length).toBeGreaterThan(15);
    expect(stops.filter((s) => !s.visible).map((s) => s.name)).toEqual([]);
    expect(stops.map((s) => s.name)).toContainEqual(expect.stringMatching(/^textarea Add a note/));
    await page.close();
  });

  it('keeps keyboard users in place: Escape closes and returns focus, picking a customer moves on to the note', async () => {
    const { page, frame } = await gmail('#inbox/FMfcgzQbmaria', 'light');
    await expect.poll(() => frame.locator('main').textContent(), { timeout: 5000 }).toContain(SAMPLE_PEOPLE.maria.name);
    const focused = () => frame.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() ?? '');
    // The search, opened from its button.
    await frame.getByRole('button', { name: 'Find a customer' }).focus();
    await page.keyboard.press('Enter');
    const search = frame.getByRole('combobox', { name: 'Find a customer' });
    await expect.poll(() => search.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => search.count()).toBe(0);
    expect(await focused()).toBe('Find a customer');
    // A note's reminder picker.
    const remind = frame.locator('li.note').first().getByRole('button', { name: /^Remind me/ });
    await remind.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => remind.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect.poll(() => remind.getAttribute('aria-expanded')).toBe('false');
    expect(await focused()).toBe(await remind.getAttribute('aria-label'));
    await page.close();

    const popup = await extensionPage('/popup.html', 'light');
    await popup.keyboard.type('Wants samples');
    await popup.keyboard.press('Shift+Tab');
    await popup.keyboard.type('Maria');
    await popup.getByRole('option').first().waitFor();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    // The log and reminder options are one click away; the reminder is one Tab stop: from it,
    // the next Tab reaches Save.
    await popup.getByText('Also log it or remind me').click();
    await popup.getByRole('combobox', { name: 'Remind me' }).focus();
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Save note');
    await popup.close();
  });

  for (const theme of THEMES) {
    it(`the sidebar: a customer's card, an unknown sender and the search (${theme})`, async () => {
      const known = await gmail('#inbox/FMfcgzQbmaria', theme);
      await expect.poll(() => known.frame.locator('main').textContent(), { timeout: 5000 }).toContain(SAMPLE_PEOPLE.maria.name);
      expect.soft(await backgroundIsDark(known.frame), `${theme} background`).toBe(theme === "dark");
      await expectAccessible(known.frame, `${theme} card`);
      // The card with its disclosures open (Explain, the note's reminder picker).
      await known.frame.locator('summary', { hasText: 'Explain' }).first().click();
      await known.frame.locator('li.note').first().getByRole('button', { name: /^Remind me/ }).click();
      await expectAccessible(known.frame, `${theme} card, opened`);
      await known.page.close();

      const many = await gmail('#inbox/FMfcgzQbmany', theme);
      await many.frame.getByRole('tab', { name: new RegExp(SAMPLE_PEOPLE.unknown.name) }).click();
      await many.frame.getByRole('button', { name: 'Add as customer' }).click();
      await many.frame.getByLabel('Name').waitFor();
      await expectAccessible(many.frame, `${theme} unknown sender`);
      await many.page.close();

      const inbox = await gmail('#inbox', theme);
      await inbox.frame.getByRole('combobox').fill('jen');
      await expect.poll(() => inbox.frame.getByRole('option').count(), { timeout: 5000 }).toBeGreaterThan(0);
      await expectAccessible(inbox.frame, `${theme} search`);
      await inbox.page.close();
    });

    it(`the popup, the settings and every section of the manager (${theme})`, async () => {
      const popup = await extensionPage('/popup.html', theme);
      await popup.getByRole('combobox', { name: 'About' }).fill('Maria');
      await popup.getByRole('option').first().waitFor();
      expect.soft(await backgroundIsDark(popup), `${theme} background`).toBe(theme === "dark");
      await expectAccessible(popup, `${theme} popup`);
      await popup.close();

      const settings = await extensionPage('/settings.html', theme);
      await settings.getByRole('heading', { level: 1 }).waitFor();
      await settings.locator('form, section').first().waitFor();
      await expectAccessible(settings, `${theme} settings`);
      await settings.close();

      const manager = await extensionPage('/options.html#customers', theme);
      for (const section of ['dashboard', 'customers', `customers/customer/${mariaId}`, 'companies', `companies/company/${companyId}`, 'import', 'duplicates', 'backup']) {
        await manager.evaluate((hash) => (location.hash = hash), section);
        await manager.locator('main').waitFor();
        if (section === 'dashboard') await manager.locator('.chart svg').first().waitFor({ timeout: 30_000 });
        await manager.waitForTimeout(300);
        expect.soft(await backgroundIsDark(manager), `${theme} background`).toBe(theme === "dark");
        await expectAccessible(manager, `${theme} manager #${section}`);
      }
      await manager.close();
    });
  }
});
