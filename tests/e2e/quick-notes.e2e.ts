import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SAMPLE_PEOPLE } from '../../lib/sample/business';
import { browserAvailable, launchExtension, sendFromPage, serveGmail, sidebarFrame, type ExtensionSession } from './harness';

const GMAIL = 'https://mail.google.com/mail/u/0/';
const run = browserAvailable();

type Envelope = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

async function ask<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = (await sendFromPage(page, type, payload)) as Envelope;
  if (!reply.ok) throw new Error(`${type}: ${reply.error.code} ${reply.error.message}`);
  return reply.data as T;
}

describe.runIf(run)('quick notes, reminders and interactions in real Chromium', () => {
  let session: ExtensionSession;
  let mariaId: string;

  beforeAll(async () => {
    session = await launchExtension();
    await serveGmail(session.context, () => 'thread-single.html');
    const page = await session.extensionPage('/options.html');
    expect(await sendFromPage(page, 'sample.load', {})).toMatchObject({ ok: true });
    const found = await ask<{ matches: { customerId: string; name: string }[] }>(page, 'quicknote.candidates', {
      query: SAMPLE_PEOPLE.maria.email,
      tabId: null,
    });
    const maria = found.matches.find((m) => m.name === SAMPLE_PEOPLE.maria.name);
    if (!maria) throw new Error('Maria is not in the sample business.');
    mariaId = maria.customerId;
    await page.close();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('saves a note from the popup page with Ctrl+Enter and shows it in an open Gmail sidebar', async () => {
    const gmail = await session.context.newPage();
    await gmail.goto(`${GMAIL}#inbox/FMfcgzQbquick`);
    const frame = await sidebarFrame(gmail);
    await expect.poll(() => frame.locator('main').textContent(), { timeout: 5000 }).toContain(SAMPLE_PEOPLE.maria.name);

    const popup = await session.extensionPage('/popup.html');
    // Focus starts in the note, so typing first and choosing the customer after works too.
    const body = `Wants the oak table in grey ${Date.now()} #oak`;
    await popup.keyboard.type(body);
    expect(await popup.getByRole('textbox', { name: 'Note', exact: true }).inputValue()).toBe(body);
    await popup.getByRole('combobox', { name: 'About' }).fill('Maria');
    await popup.getByRole('option', { name: new RegExp(SAMPLE_PEOPLE.maria.name) }).first().click();
    await popup.getByRole('textbox', { name: 'Note', exact: true }).press('Control+Enter');
    await expect.poll(() => popup.getByRole('status').first().textContent()).toContain(`Saved note about ${SAMPLE_PEOPLE.maria.name}`);

    await expect.poll(() => frame.locator('main').textContent(), { timeout: 2000, interval: 50 }).toContain(body);
    // The #tag became a tag of the customer.
    await expect.poll(() => frame.getByRole('list', { name: 'Tags' }).textContent()).toContain('oak');
    await popup.close();
    await gmail.close();
  });

  it('logs a call from the sidebar, which shows in the history', async () => {
    const gmail = await session.context.newPage();
    await gmail.goto(`${GMAIL}#inbox/FMfcgzQblog`);
    const frame = await sidebarFrame(gmail);
    await expect.poll(() => frame.locator('main').textContent(), { timeout: 5000 }).toContain(SAMPLE_PEOPLE.maria.name);
    const summary = `Asked about delivery dates ${Date.now()}`;
    await frame.getByLabel('Kind of interaction').selectOption('call');
    await frame.getByLabel('Summary (optional)').fill(summary);
    await frame.getByRole('button', { name: 'Log', exact: true }).click();
    await expect.poll(() => frame.locator('main').textContent(), { timeout: 2000 }).toContain(summary);
    await gmail.close();
  });

  it('fires a reminder due in a few seconds as a notification with snooze buttons', async () => {
    await session.worker.evaluate(() => {
      const calls: unknown[][] = [];
      (globalThis as unknown as { notifyCalls: unknown[][] }).notifyCalls = calls;
      const original = chrome.notifications.create.bind(chrome.notifications) as (...args: unknown[]) => unknown;
      (chrome.notifications as unknown as { create: (...args: unknown[]) => unknown }).create = (...args: unknown[]) => {
        calls.push(args);
        return original(...args);
      };
    });
    const page = await session.extensionPage('/popup.html');
    const title = `Call Maria back about the invoice ${Date.now()}`;
    const reminder = await ask<{ id: string; dueAt: number }>(page, 'reminder.set', {
      customerId: mariaId,
      title,
      dueAt: Date.now() + 3000,
    });
    const alarm = await session.worker.evaluate((name) => chrome.alarms.get(name), `reminder:${reminder.id}`);
    expect(alarm?.scheduledTime).toBe(reminder.dueAt);

    const calls = () =>
      session.worker.evaluate(() => (globalThis as unknown as { notifyCalls: unknown[][] }).notifyCalls);
    await expect.poll(async () => (await calls()).length, { timeout: 15_000, interval: 250 }).toBe(1);
    const [id, options] = (await calls())[0] as [string, { title: string; message: string; buttons?: { title: string }[] }];
    expect(id).toBe(`reminder:${reminder.id}`);
    expect(options.title).toContain(SAMPLE_PEOPLE.maria.name);
    expect(options.message).toBe(title);
    expect(options.buttons?.map((b) => b.title)).toEqual(['Snooze 1 hour', 'Tomorrow morning']);

    // Fired reminders are marked, so a background restart does not notify again.
    const listed = await ask<{ reminders: { reminder: { id: string; firedAt: number | null } }[] }>(page, 'reminder.list', {});
    expect(listed.reminders.find((r) => r.reminder.id === reminder.id)?.reminder.firedAt).not.toBeNull();
    await page.close();
  });
});
