import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Locator } from 'playwright-core';
import { SAMPLE_PEOPLE } from '../../lib/sample/business';
import { browserAvailable, launchExtension, sendFromPage, sidebarFrame, type ExtensionSession } from './harness';
import { readGmailFixture } from '../../scripts/browser';

const GMAIL = 'https://mail.google.com/mail/u/0/';
const run = browserAvailable();

/**
 * The single-sender thread (Maria Jensen), or the same page with another sample customer as
 * the sender: Sabine Krüger, the sample customer with an open complaint, is in no saved thread.
 */
function threadFrom(person: { name: string; email: string }): string {
  const { maria } = SAMPLE_PEOPLE;
  return readGmailFixture('thread-single.html').replaceAll(maria.email, person.email).replaceAll(maria.name, person.name);
}

/** Text of a locator, or null when it is not (yet) there: polls must never hang on a missing node. */
const text = (locator: Locator) => locator.textContent({ timeout: 500 }).catch(() => null);

describe.runIf(run)('relationship insights in real Chromium', () => {
  let session: ExtensionSession;
  let sender: { name: string; email: string } = SAMPLE_PEOPLE.sabine;

  async function openThread(person: { name: string; email: string }): Promise<Frame> {
    sender = person;
    const page = await session.context.newPage();
    await page.goto(`${GMAIL}#inbox/FMfcgzQb${person.name.length}`);
    const frame = await sidebarFrame(page);
    await expect.poll(() => text(frame.locator('.card__name')), { timeout: 10_000 }).toBe(person.name);
    return frame;
  }

  beforeAll(async () => {
    session = await launchExtension();
    await session.context.route('https://mail.google.com/**', async (route) => {
      if (route.request().resourceType() !== 'document') return route.fulfill({ status: 204, body: '' });
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: threadFrom(sender) });
    });
    const page = await session.extensionPage('/options.html');
    expect(await sendFromPage(page, 'sample.load', {})).toMatchObject({ ok: true });
    await page.close();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("lists the open complaint on the popup's Today plan under Service first, marked overdue, before every other kind", async () => {
    const popup = await session.extensionPage('/popup.html');
    const service = popup.getByRole('list', { name: 'Service first' });
    await expect.poll(() => service.locator('li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await popup.locator('.today-plan__group-title').first().textContent()).toBe('Service first');
    const complaint = service.locator('li', { hasText: SAMPLE_PEOPLE.sabine.name });
    expect(await complaint.textContent()).toContain('Resolve the open complaint');
    expect(await complaint.locator('.badge--overdue').textContent()).toBe('overdue');
    await popup.close();
  });

  it('sets a reminder on the next action from the sidebar, with its rule and title, and clears it', async () => {
    const frame = await openThread(SAMPLE_PEOPLE.sabine);
    const top = frame.locator('.next-action .suggestion--top');
    await expect.poll(() => text(top.locator('.suggestion__title')), { timeout: 10_000 }).toBe('Resolve the open complaint');
    await top.getByRole('button', { name: /^Remind me about next action/ }).click();
    await top.getByRole('button', { name: 'Tomorrow 9:00' }).click();
    await expect.poll(() => text(top.locator('.remind__when')), { timeout: 3000 }).toMatch(/^⏰ Reminder /);

    const page = await session.extensionPage('/popup.html');
    const listed = async () => {
      const reply = (await sendFromPage(page, 'reminder.list', {})) as { ok: true; data: { reminders: { reminder: { ruleId: string | null; noteId: string | null; title: string; dueAt: number } }[] } };
      return reply.data.reminders.map((r) => r.reminder).filter((r) => r.ruleId === 'resolve-complaint');
    };
    const tomorrow9 = new Date();
    tomorrow9.setDate(tomorrow9.getDate() + 1);
    tomorrow9.setHours(9, 0, 0, 0);
    expect(await listed()).toEqual([expect.objectContaining({ title: 'Resolve the open complaint', noteId: null, dueAt: tomorrow9.getTime() })]);
    expect(await top.locator('.remind__when time').getAttribute('datetime')).toBe(tomorrow9.toISOString());

    await top.getByRole('button', { name: 'Clear reminder' }).click();
    await expect.poll(listed, { timeout: 3000 }).toEqual([]);
    await page.close();
  });

  it('shows the tier badge and the next action with its reason; Done logs it and moves on', async () => {
    const frame = await openThread(SAMPLE_PEOPLE.sabine);
    const next = frame.locator('.next-action');
    const topTitle = () => text(next.locator('.suggestion--top .suggestion__title'));

    // One status in words: the tier as a shop owner says it, and what the stage adds.
    await expect.poll(() => text(frame.locator('.insight-badges')), { timeout: 10_000 }).toMatch(/^(Top customer|Regular customer|Occasional customer|Prospect)( · (new|growing|slipping|lapsed))?$/);
    await expect.poll(topTitle, { timeout: 10_000 }).toBe('Resolve the open complaint');
    expect(await text(next.locator('.suggestion--top .suggestion__reason'))).toContain(SAMPLE_PEOPLE.sabine.complaint);
    expect(await next.locator('.suggestion--top .badge--overdue').count()).toBe(1);

    // The facts behind the tier and the suggestion, one click away.
    await next.locator('details.explain > summary').click();
    expect(await text(next.locator('details.explain'))).toContain('Suggested by the resolve-complaint rule');

    // A complaint is resolved, not dismissed away: Dismiss first says it stays open.
    await next.locator('.suggestion--top').getByRole('button', { name: 'Dismiss' }).click();
    expect(await text(next.locator('.suggestion__confirm'))).toContain('The complaint stays open');
    await next.getByRole('button', { name: 'Keep it' }).click();

    await next.locator('.suggestion--top').getByRole('button', { name: 'Resolved' }).click();
    // Another suggestion, or none: either way the complaint is no longer the next action.
    await expect.poll(() => text(next), { timeout: 5_000 }).not.toContain('Resolve the open complaint');
    // The trace says what was logged, with Undo; the history shows it too.
    expect(await text(next.locator('.undo-bar [role=status]'))).toBe('Logged: complaint resolved');
    await expect.poll(() => text(frame.locator('main')), { timeout: 5_000 }).toMatch(/complaint resolved/i);
    // Undo takes the resolution back: the complaint is the next action again.
    await next.locator('.undo-bar').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(topTitle, { timeout: 5_000 }).toBe('Resolve the open complaint');
    expect(await next.locator('.undo-bar').count()).toBe(0);
    // Resolved again, for the tests that follow.
    await next.locator('.suggestion--top').getByRole('button', { name: 'Resolved' }).click();
    await expect.poll(() => text(next), { timeout: 5_000 }).not.toContain('Resolve the open complaint');
  });

  it('hides a dismissed suggestion, also after a reload', async () => {
    const frame = await openThread(SAMPLE_PEOPLE.maria);
    const titles = () => frame.locator('.next-action .suggestion__title').allTextContents();
    await expect.poll(() => text(frame.locator('.next-action .suggestion--top .suggestion__title')), { timeout: 10_000 }).toBeTruthy();
    const dismissed = (await text(frame.locator('.next-action .suggestion--top .suggestion__title'))) ?? '';
    await frame.locator('.next-action .suggestion--top').getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(titles, { timeout: 5_000 }).not.toContain(dismissed);
    // It leaves a trace with Undo, and is listed among the held suggestions.
    expect(await text(frame.locator('.next-action .undo-bar [role=status]'))).toBe(`Dismissed: ${dismissed}`);
    expect(await text(frame.locator('.next-action details.held > summary'))).toBe('1 dismissed · show');

    const page = frame.page();
    await page.reload();
    const again = await sidebarFrame(page);
    // Loaded once the next action (or its empty state) is there.
    await expect
      .poll(async () => {
        const shown = (await text(again.locator('.next-action'))) ?? '';
        return shown.startsWith('Next action') && !shown.includes('Working out');
      }, { timeout: 10_000 })
      .toBe(true);
    expect(await again.locator('.next-action .suggestion__title').allTextContents()).not.toContain(dismissed);
    // Brought back from the held list.
    await again.locator('.next-action details.held > summary').click();
    await again.getByRole('button', { name: `Undo: ${dismissed}` }).click();
    await expect.poll(() => text(again.locator('.next-action .suggestion--top .suggestion__title')), { timeout: 5_000 }).toBe(dismissed);
    // Snoozed instead: the trace names the day, the held list counts it.
    await again.locator('.next-action .suggestion--top').getByRole('button', { name: 'Snooze 1 week' }).click();
    await expect.poll(() => again.locator('.next-action .suggestion__title').allTextContents(), { timeout: 5_000 }).not.toContain(dismissed);
    expect(await text(again.locator('.next-action .undo-bar [role=status]'))).toMatch(/^Snoozed until \S.*\d{4}$/);
    expect(await text(again.locator('.next-action details.held > summary'))).toBe('1 snoozed · show');
  });

  it('takes a done complaint off the popup Today plan', async () => {
    const popup = await session.extensionPage('/popup.html');
    const plan = popup.locator('section[aria-labelledby="today-title"]');
    await expect.poll(() => plan.locator('li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const more = plan.getByRole('button', { name: /^Show more/ });
    if ((await more.count()) > 0) await more.click();
    const rows = await plan.locator('li').allTextContents();
    expect(rows.filter((row) => row.includes(SAMPLE_PEOPLE.sabine.name) && row.includes('Resolve the open complaint'))).toEqual([]);
    // The other open issue (negative feedback from another customer) is still there.
    expect(rows.some((row) => row.includes('Follow up on the negative feedback'))).toBe(true);
    await popup.close();
  });
});
