import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PEOPLE } from '../../../lib/sample/business';
import { readGmailFixture } from '../../../scripts/browser';
import { describeViolations, seriousViolations } from '../axe';
import { ask, byRole, firefoxAvailable, launchFirefoxExtension, openGmail, serveGmail, sidebarFrame, spaNavigate, textOf, type FirefoxSession } from './harness';

const run = firefoxAvailable();

describe.runIf(run)('the Gmail sidebar in real Firefox', () => {
  let session: FirefoxSession;
  let fixture = 'thread-single.html';

  beforeAll(async () => {
    session = await launchFirefoxExtension();
    serveGmail(session, () => fixture);
    const page = await session.extensionPage('/options.html');
    await ask(page, 'sample.load', {});
    await page.close();
  });

  afterAll(async () => {
    await session?.close();
  });

  async function openThread(name: string, hash = '#inbox/FMfcgzQbtest') {
    fixture = name;
    const page = await openGmail(session, hash);
    return { page, frame: await sidebarFrame(page) };
  }

  it('shows the sender’s card on a thread and follows Gmail to the next thread', async () => {
    const { page, frame } = await openThread('thread-single.html');
    await expect.poll(() => textOf(frame), { timeout: 5000 }).toContain(SAMPLE_PEOPLE.maria.name);
    const text = await textOf(frame);
    expect(text).toContain(SAMPLE_PEOPLE.maria.company);
    expect(text).toContain('Prefers phone calls before 11:00');
    expect(text).not.toContain(SAMPLE_PEOPLE.self);
    await spaNavigate(page, 'thread-long.html', '#inbox/FMfcgzQblong');
    await expect.poll(() => textOf(frame), { timeout: 2000, interval: 50 }).toContain(SAMPLE_PEOPLE.tom.name);
    await page.close();
  });

  it('switches between the people of a thread with the switcher', async () => {
    const { page, frame } = await openThread('thread-many-recipients.html');
    const tab = await byRole(frame, 'tab', new RegExp(`^${SAMPLE_PEOPLE.unknown.name}`));
    await tab.click();
    await expect.poll(() => tab.evaluate((el) => el.getAttribute('aria-selected'))).toBe('true');
    await expect.poll(() => textOf(frame)).toContain('Add as customer');
    await page.close();
  });

  it('shows a note added in one tab in another open tab', async () => {
    const first = await openThread('thread-single.html');
    const second = await openThread('thread-single.html', '#inbox/FMfcgzQbother');
    await expect.poll(() => textOf(second.frame), { timeout: 5000 }).toContain(SAMPLE_PEOPLE.maria.name);
    const body = `Called about the oak table ${Date.now()}`;
    // Keys go to the tab in front, as a person's would.
    await first.page.bringToFront();
    const box = await byRole(first.frame, 'textbox', 'Add a note');
    await box.type(body);
    await box.press('Enter');
    await expect.poll(() => textOf(second.frame), { timeout: 1000, interval: 50 }).toContain(body);
    await first.page.reload();
    await expect.poll(async () => textOf(await sidebarFrame(first.page)), { timeout: 5000 }).toContain(body);
    await first.page.close();
    await second.page.close();
  });

  it('has no serious accessibility violation on the card, and turns dark beside Gmail’s dark theme', async () => {
    const { page, frame } = await openThread('thread-single.html');
    await expect.poll(() => textOf(frame), { timeout: 5000 }).toContain(SAMPLE_PEOPLE.maria.name);
    const violations = await seriousViolations((expression) => frame.evaluate(expression));
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(await frame.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    await page.close();

    // Gmail in a dark theme (light text on a dark page), the system light.
    session.route('https://mail.google.com/mail/u/1/', (_url, request) =>
      request.isNavigationRequest()
        ? { body: readGmailFixture('thread-single.html').replace('</head>', '<style>html, body { background: #1f1f1f; color: #e3e3e3; }</style></head>') }
        : { status: 204, body: '' },
    );
    const dark = await session.newPage();
    await dark.goto('https://mail.google.com/mail/u/1/#inbox/FMfcgzQbdark', { waitUntil: 'domcontentloaded' });
    const darkFrame = await sidebarFrame(dark);
    await expect.poll(() => darkFrame.evaluate(() => document.documentElement.dataset.theme), { timeout: 5000 }).toBe('dark');
    expect(await darkFrame.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(28, 30, 34)');
    const darkViolations = await seriousViolations((expression) => darkFrame.evaluate(expression));
    expect(darkViolations, describeViolations(darkViolations)).toEqual([]);
    await dark.close();
  });
});
