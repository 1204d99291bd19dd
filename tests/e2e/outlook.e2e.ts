import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PEOPLE } from '../../lib/sample/business';
import { browserAvailable, launchExtension, sendFromPage, sidebarFrame, type ExtensionSession } from './harness';

/**
 * Outlook on the web served from tests/fixtures/pages/outlook/ at its real URLs, on each of its
 * hosts, so the content script matches as in the field (the pages are synthetic: see SOURCES.md).
 */
const PAGES = resolve(import.meta.dirname, '../fixtures/pages/outlook');
const fixture = (name: string) => readFileSync(join(PAGES, name), 'utf8');
const ID = 'AAQkAGI2NTZhZmI4LTMzYjAtNDRkZC1iMDkxLWE0OTQ5MjdiMmQ5MQAQAOB5wq1pIUKlx3TLBBzJ7s%3D';
const CONVERSATION = `https://outlook.office.com/mail/inbox/id/${ID}`;
const REPLY = `https://outlook.cloud.microsoft/mail/inbox/id/${ID}`;
const INBOX = 'https://outlook.live.com/mail/0/';
const COMPOSE = 'https://outlook.office365.com/mail/deeplink/compose';

/** The conversation as a later Outlook might write it: the date line under another test id. */
const DRIFTED = `https://outlook.office.com/mail/archive/id/${ID}`;

function pick(url: URL): string {
  if (url.pathname.startsWith('/mail/archive/')) return 'drifted';
  if (url.pathname.startsWith('/mail/deeplink/compose')) return 'compose.html';
  if (url.hostname === 'outlook.cloud.microsoft') return 'conversation-reply.html';
  if (url.pathname === '/mail/0/') return 'inbox.html';
  return 'conversation.html';
}

/** Adds a recipient pill to a field of the message being written, as Outlook does when one is picked. */
function addPill(page: Page, field: 'To' | 'Cc', text: string): Promise<void> {
  return page.evaluate(
    ([label, value]) => {
      const pill = document.createElement('div');
      pill.setAttribute('contenteditable', 'false');
      pill.setAttribute('data-lpc-hover-target-id', `lpc-react-target-${Date.now()}`);
      const span = document.createElement('span');
      span.textContent = value;
      pill.append(span);
      document.querySelector(`[aria-label="${label}"][contenteditable="true"]`)?.append(pill);
    },
    [field, text] as const,
  );
}

const heading = (frame: Frame) => frame.getByRole('heading', { level: 2 }).first().textContent();
const run = browserAvailable();

describe.runIf(run)('Outlook on the web in real Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    await session.context.route(/^https:\/\/outlook\.(office\.com|office365\.com|live\.com|cloud\.microsoft)\//, async (route) => {
      if (route.request().resourceType() !== 'document') return route.fulfill({ status: 204, body: '' });
      const name = pick(new URL(route.request().url()));
      const body = name === 'drifted' ? fixture('conversation.html').replaceAll('data-testid="SentReceivedSavedTime"', 'data-testid="MessageDate"') : fixture(name);
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    });
    const options = await session.extensionPage('/options.html');
    expect(await sendFromPage(options, 'sample.load', {})).toMatchObject({ ok: true });
    await options.close();
  });

  afterAll(async () => {
    await session?.close();
  });

  async function open(url: string): Promise<{ page: Page; frame: Frame }> {
    const page = await session.context.newPage();
    await page.goto(url);
    return { page, frame: await sidebarFrame(page) };
  }

  it('shows the people of every message in the reading pane, the user left out', async () => {
    const { page, frame } = await open(CONVERSATION);
    await expect.poll(() => frame.getByRole('tab').count(), { timeout: 5000 }).toBe(3);
    const tabs = (await frame.getByRole('tablist').textContent()) ?? '';
    expect(tabs).toContain(SAMPLE_PEOPLE.maria.name);
    expect(tabs).toContain(SAMPLE_PEOPLE.tom.name);
    expect(tabs).toContain('buchhaltung@nordlicht-moebel.de');
    expect(await frame.locator('main').textContent()).not.toContain(SAMPLE_PEOPLE.self);
    // The first customer among them: Maria, with her card.
    await expect.poll(() => heading(frame)).toContain(SAMPLE_PEOPLE.maria.name);
    expect(await frame.locator('main').textContent()).toContain(SAMPLE_PEOPLE.maria.pinnedNote);
    await frame.getByRole('tab', { name: new RegExp(SAMPLE_PEOPLE.tom.name) }).click();
    await expect.poll(() => heading(frame)).toContain(SAMPLE_PEOPLE.tom.name);
    await page.close();
  });

  it('follows a move to another conversation without a page load', async () => {
    const { page, frame } = await open(CONVERSATION);
    await expect.poll(() => heading(frame), { timeout: 5000 }).toContain(SAMPLE_PEOPLE.maria.name);
    // Outlook re-renders the reading pane, then changes the address with pushState.
    await page.evaluate((person) => {
      const subject = document.querySelector('[id^="CONV_"]') as HTMLElement;
      subject.id = 'CONV_AAQkAGI2NTZhZmI4LTMzYjAtNDRkZC1iMDkxLWE0OTQ5MjdiMmQ5MQAQAH3kR0sbqkFAtzJ9Tq4v6Qc=_SUBJECT';
      subject.textContent = 'Cushions in sand?';
      const container = document.querySelector('[data-app-section="ConversationContainer"]') as HTMLElement;
      const message = document.createElement('div');
      const sender = document.createElement('span');
      sender.setAttribute('data-lpc-hover-target-id', 'lpc-react-target-40');
      sender.textContent = `${person.name}<${person.email}>`;
      const date = document.createElement('div');
      date.setAttribute('data-testid', 'SentReceivedSavedTime');
      date.textContent = 'Tue 11/24/2026 8:15 AM';
      message.append(sender, date);
      container.replaceChildren(message);
      history.pushState({}, '', '/mail/inbox/id/AAQkAGI2NTZhZmI4LTMzYjAtNDRkZC1iMDkxLWE0OTQ5MjdiMmQ5MQAQAH3kR0sbqkFAtzJ9Tq4v6Qc%3D');
    }, SAMPLE_PEOPLE.lena);
    await expect.poll(() => heading(frame), { timeout: 3000 }).toContain(SAMPLE_PEOPLE.lena.name);
    expect(await frame.getByRole('tab').count()).toBe(0);
    await page.close();
  });

  it('adds recipients of a reply written inline as they are added', async () => {
    const { page, frame } = await open(REPLY);
    await expect.poll(() => frame.getByRole('tab').count(), { timeout: 5000 }).toBe(5);
    await addPill(page, 'Cc', `${SAMPLE_PEOPLE.sabine.name} <${SAMPLE_PEOPLE.sabine.email}>`);
    const sabine = frame.getByRole('tab', { name: new RegExp(SAMPLE_PEOPLE.sabine.name) });
    await sabine.waitFor({ timeout: 2000 });
    await sabine.click();
    await expect.poll(() => frame.locator('main').textContent()).toContain(SAMPLE_PEOPLE.sabine.complaint);
    await page.close();
  });

  it('shows a recipient’s card while a new message is written, within half a second of the pill', async () => {
    const { page, frame } = await open(COMPOSE);
    await expect.poll(() => frame.locator('main').textContent(), { timeout: 5000 }).toContain('Add a recipient');
    const t0 = Date.now();
    await addPill(page, 'To', `${SAMPLE_PEOPLE.tom.name} <${SAMPLE_PEOPLE.tom.email}>`);
    await expect.poll(() => heading(frame), { timeout: 2000, interval: 20 }).toContain(SAMPLE_PEOPLE.tom.name);
    expect(Date.now() - t0).toBeLessThan(500);
    await page.close();
  });

  it('offers the search where no conversation is open (a personal account’s inbox)', async () => {
    const { page, frame } = await open(INBOX);
    await expect.poll(() => frame.locator('main').textContent(), { timeout: 5000 }).toContain("Open an email to see who you're writing with");
    await expect.poll(() => frame.getByRole('search').count()).toBe(1);
    await page.close();
  });

  it('says when the page could not be read, keeps the search, and copies a diagnostic of counts only', async () => {
    const { page, frame } = await open(DRIFTED);
    await expect.poll(() => frame.locator('main').textContent(), { timeout: 6000 }).toContain('This page could not be read');
    expect(await frame.getByRole('search').count()).toBe(1);
    // What the sidebar hands the clipboard (headless Chromium grants no clipboard to an extension frame).
    await frame.evaluate(() => {
      navigator.clipboard.writeText = async (text: string) => {
        (window as unknown as { copied: string }).copied = text;
      };
    });
    await frame.getByRole('button', { name: 'Copy diagnostic' }).click();
    await expect.poll(() => frame.locator('main').textContent()).toContain('Copied');
    const copied = JSON.parse(await frame.evaluate(() => (window as unknown as { copied: string }).copied)) as { site: string; selectorCounts: Record<string, number> };
    expect(copied).toMatchObject({ site: 'outlook', selectorCounts: { date: 0, person: 10 } });
    // Counts only: no name, address or subject from the page.
    const text = JSON.stringify(copied);
    for (const word of [SAMPLE_PEOPLE.maria.email, SAMPLE_PEOPLE.maria.name, 'order 4711', ID]) expect(text).not.toContain(word);
    await page.close();
  });
});
