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
    expect(listed.reminders.find((r) => r.reminder.id === reminder.id)?.reminder.firedAt).toBeGreaterThanOrEqual(reminder.dueAt);
    await page.close();
  });

  it('sets a reminder on a note from the Gmail sidebar, notifies at its time, and snoozes from the popup', async () => {
    // Records notifications the service worker raises (as above, fresh calls for this test).
    await session.worker.evaluate(() => {
      const scope = globalThis as unknown as { noteNotifyCalls: unknown[][] };
      scope.noteNotifyCalls = [];
      const original = chrome.notifications.create.bind(chrome.notifications) as (...args: unknown[]) => unknown;
      (chrome.notifications as unknown as { create: (...args: unknown[]) => unknown }).create = (...args: unknown[]) => {
        scope.noteNotifyCalls.push(args);
        return original(...args);
      };
    });
    const notified = () => session.worker.evaluate(() => (globalThis as unknown as { noteNotifyCalls: [string, { message: string }][] }).noteNotifyCalls);

    const gmail = await session.context.newPage();
    await gmail.goto(`${GMAIL}#inbox/FMfcgzQbremind`);
    const frame = await sidebarFrame(gmail);
    await expect.poll(() => frame.locator('main').textContent(), { timeout: 5000 }).toContain(SAMPLE_PEOPLE.maria.name);
    const body = `Send Maria the oak samples ${Date.now()}`;
    await frame.getByRole('textbox', { name: 'Add a note' }).fill(body);
    await frame.getByRole('textbox', { name: 'Add a note' }).press('Enter');
    const note = frame.locator('li.note', { hasText: body });
    await note.waitFor();

    // A time input takes seconds too, so the reminder can be due in a few seconds. Node and the
    // browser share the machine's time zone, so local date and time mean the same to both.
    const due = new Date(Date.now() + 6000);
    const pad = (n: number) => String(n).padStart(2, '0');
    await note.getByRole('button', { name: /^Remind me about the note “/ }).click();
    await note.getByLabel('Reminder date').fill(`${due.getFullYear()}-${pad(due.getMonth() + 1)}-${pad(due.getDate())}`);
    await note.getByLabel('Reminder time').fill(`${pad(due.getHours())}:${pad(due.getMinutes())}:${pad(due.getSeconds())}`);
    await note.getByRole('button', { name: 'Set reminder' }).click();
    await expect.poll(() => note.locator('.remind__when').textContent(), { timeout: 3000 }).toMatch(/^⏰ Reminder /);
    const page = await session.extensionPage('/popup.html');
    const open = async () =>
      (await ask<{ reminders: { reminder: { id: string; noteId: string | null; title: string; dueAt: number; firedAt: number | null } }[] }>(page, 'reminder.list', {})).reminders
        .map((r) => r.reminder)
        .find((r) => r.title === body);
    const set = await open();
    expect(set).toMatchObject({ dueAt: Math.floor(due.getTime() / 1000) * 1000, firedAt: null });
    expect(set?.noteId).not.toBeNull();

    // At its time: the notification, and the note says the reminder was due.
    await expect.poll(async () => (await notified()).filter(([, options]) => options.message === body).length, { timeout: 20_000, interval: 250 }).toBe(1);
    const [[id]] = (await notified()).filter(([, options]) => options.message === body) as [[string, unknown]];
    expect(id).toBe(`reminder:${set?.id}`);
    await expect.poll(() => note.locator('.remind__when').textContent(), { timeout: 3000 }).toContain('Reminder was due');

    // Snooze from the popup (Firefox's way, as its notifications have no buttons): an hour on.
    await page.reload();
    const row = page.getByRole('group', { name: `Reminder: ${body}` });
    const before = Date.now();
    await row.getByRole('button', { name: 'Snooze 1 hour' }).click();
    await expect.poll(async () => (await open())?.firedAt, { timeout: 3000 }).toBeNull();
    const snoozed = await open();
    expect(snoozed?.dueAt).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(snoozed?.dueAt).toBeLessThan(Date.now() + 3_600_000 + 1000);
    const alarm = await session.worker.evaluate((name) => chrome.alarms.get(name), `reminder:${set?.id}`);
    expect(alarm?.scheduledTime).toBe(snoozed?.dueAt);
    // The popup row and the sidebar's note both show the new time (read from <time datetime>,
    // which does not depend on the browser's locale), no longer "was due".
    const shown = new Date(snoozed?.dueAt ?? 0).toISOString();
    await expect.poll(() => page.locator('li', { has: row }).locator('time').getAttribute('datetime'), { timeout: 3000 }).toBe(shown);
    await expect.poll(() => note.locator('.remind__when').textContent(), { timeout: 3000 }).not.toContain('was due');
    expect(await note.locator('.remind__when time').getAttribute('datetime')).toBe(shown);

    // Clear from the note: the reminder is done and no longer listed.
    await note.getByRole('button', { name: 'Clear reminder' }).click();
    await expect.poll(open, { timeout: 3000 }).toBeUndefined();
    await expect.poll(() => note.getByRole('button', { name: /^Remind me about the note “/ }).count(), { timeout: 3000 }).toBe(1);
    await page.close();
    await gmail.close();
  });
});
