import { resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { CONTROL_SELECTOR } from '../../lib/mount/room';
import { SIDEBAR_WIDTH } from '../../lib/mount/sidebar-frame';
import { SAMPLE_PEOPLE } from '../../lib/sample/business';
import { QUICK_NOTE_SUGGESTED_KEY } from '../../lib/shortcut';
import { readGmailFixture } from '../../scripts/browser';
import { browserAvailable, launchExtension, sendFromPage, serveGmail, sidebarFrame, type ExtensionSession } from './harness';

/** Everyday use in the built extension: the shortcut, the popup's size, Gmail left whole, undo. */

const GMAIL = 'https://mail.google.com/mail/u/0/';
const run = browserAvailable();

describe.runIf(run)('everyday use in real Chromium', () => {
  let session: ExtensionSession;
  let fixture = 'thread-single.html';

  beforeAll(async () => {
    session = await launchExtension();
    await serveGmail(session.context, () => fixture);
    const page = await session.extensionPage('/options.html');
    expect(await sendFromPage(page, 'sample.load', {})).toMatchObject({ ok: true });
    await page.close();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('has the quick-note shortcut assigned after install, and the popup names it', async () => {
    const commands = await session.worker.evaluate(() => chrome.commands.getAll());
    const quickNote = commands.find((c) => c.name === '_execute_action');
    expect(quickNote?.shortcut).toBe(QUICK_NOTE_SUGGESTED_KEY);

    const popup = await session.extensionPage('/popup.html');
    await expect.poll(() => popup.getByRole('button', { name: /^Keyboard shortcut/ }).textContent()).toBe(QUICK_NOTE_SUGGESTED_KEY);
    await popup.close();
  });

  /** Every visible control of the page (not ours) with its box, as the page lays it out. */
  async function pageControls(page: Page): Promise<{ label: string; left: number; right: number; top: number; bottom: number }[]> {
    return page.evaluate((selector) => {
      const out: { label: string; left: number; right: number; top: number; bottom: number }[] = [];
      const marked = [...document.querySelectorAll(selector), ...document.querySelectorAll('span.g3')];
      for (const el of marked) {
        if (el.closest('crm-sidebar-host')) continue;
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (r.width < 1 || r.height < 1 || style.visibility === 'hidden' || style.display === 'none') continue;
        if (r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) continue;
        const label = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent?.trim().slice(0, 40) ?? el.tagName;
        out.push({ label, left: r.left, right: r.right, top: r.top, bottom: r.bottom });
      }
      return out;
    }, CONTROL_SELECTOR);
  }

  /** The box of the collapsed tab: the points along the right edge where the page hits our host. */
  async function tabBox(page: Page): Promise<{ top: number; bottom: number; left: number } | null> {
    return page.evaluate(() => {
      const host = document.querySelector('crm-sidebar-host');
      const x = document.documentElement.clientWidth - 4;
      let top = -1;
      let bottom = -1;
      for (let y = 0; y < innerHeight; y++) {
        if (document.elementFromPoint(x, y) === host) {
          if (top < 0) top = y;
          bottom = y;
        }
      }
      if (top < 0) return null;
      let left = x;
      while (left > 0 && document.elementFromPoint(left - 1, (top + bottom) / 2) === host) left--;
      return { top, bottom: bottom + 1, left };
    });
  }

  it('fits the popup in the browser’s popup window (at most 600 px tall) with the sample business, the plan as one list', async () => {
    const popup = await session.context.newPage();
    // Chromium sizes a popup to its content, up to 800 × 600; the popup's body is 380 px wide.
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const plan = popup.locator('section[aria-labelledby="today-title"]');
    await expect.poll(() => plan.locator('li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => popup.locator('.popup').getAttribute('aria-busy')).not.toBe('true');
    const size = await popup.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth }));
    expect(size.height).toBeLessThanOrEqual(600);
    expect(size.width).toBeLessThanOrEqual(380);
    // One list: no customer named twice in the popup's lists.
    const names = await popup.locator('.row__name').allTextContents();
    expect(new Set(names).size).toBe(names.length);
    // The rest of the plan is one click away.
    const more = plan.getByRole('button', { name: /^Show \d+ more$/ });
    expect(await more.count()).toBe(1);
    await more.click();
    expect(await plan.locator('li').count()).toBeGreaterThan(4);
    // The whole plan shown, the popup still fits: the plan scrolls inside it.
    expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);
    await popup.close();
  });

  /** Where each part of the card lies in the sidebar, as laid out at 1366×768. */
  async function boxes(frame: Frame, selectors: Record<string, string>): Promise<Record<string, { top: number; bottom: number } | null>> {
    return frame.evaluate((named) => {
      const out: Record<string, { top: number; bottom: number } | null> = {};
      for (const [name, selector] of Object.entries(named)) {
        const el = document.querySelector(selector);
        const r = el?.getBoundingClientRect();
        out[name] = r && r.height > 0 ? { top: r.top, bottom: r.bottom } : null;
      }
      return out;
    }, selectors);
  }

  const FOLD = {
    who: '.card__name',
    status: '.insight-badges',
    value: '.figures',
    keepInMind: '.keep-in-mind',
    action: '.next-action .suggestion--top .suggestion__title',
    reason: '.next-action .suggestion--top .suggestion__reason',
    channel: '.next-action .suggestion--top .suggestion__meta',
    done: '.next-action .suggestion--top .suggestion__actions button',
  };

  it('shows who, how valuable, what to keep in mind and the next action with its reason and channel without scrolling at 1366×768', async () => {
    fixture = 'thread-single.html';
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${GMAIL}#inbox/FMfcgzQbfold`);
    const frame = await sidebarFrame(page);
    await expect.poll(() => frame.locator('.next-action .suggestion--top').count(), { timeout: 10_000 }).toBe(1);
    const laid = await boxes(frame, FOLD);
    for (const [part, box] of Object.entries(laid)) {
      expect(box, part).not.toBeNull();
      expect(box?.bottom ?? Infinity, part).toBeLessThanOrEqual(768);
    }
    expect(await frame.locator('.keep-in-mind').textContent()).toContain('Prefers phone calls before 11:00');
    // One status in words, and notes not repeated in the history.
    expect(await frame.locator('.insight-badges').textContent()).toMatch(/^(Top|Regular|Occasional) customer|^Prospect/);
    expect(await frame.locator('section:has(> h3:text-is("History"))').textContent()).not.toContain('Prefers phone calls before 11:00');
    await page.close();
  });

  it('keeps the card’s layout with a 200-character right-to-left name, 40 tags and a pinned note of 10,000 characters', async () => {
    const extension = await session.extensionPage('/options.html');
    const email = 'layout.test@example-shop.test';
    const name = 'نور الهدى بن عبد الرحمن '.repeat(9).slice(0, 200);
    const tags = Array.from({ length: 40 }, (_, i) => `tag-${String(i + 1).padStart(2, '0')}`);
    const created = (await sendFromPage(extension, 'customer.create', { name, email, companyName: null, phone: null, tags })) as { data: { customerId: string } };
    const note = (await sendFromPage(extension, 'note.add', { customerId: created.data.customerId, body: 'Lange Notiz. '.repeat(800).slice(0, 10_000) })) as { data: { id: string } };
    await sendFromPage(extension, 'note.update', { id: note.data.id, pinned: true });
    await extension.close();

    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.route('https://mail.google.com/**', (route) =>
      route.request().resourceType() === 'document'
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readGmailFixture('thread-single.html').replaceAll(SAMPLE_PEOPLE.maria.email, email).replaceAll(SAMPLE_PEOPLE.maria.name, 'Layout Test') })
        : route.fulfill({ status: 204, body: '' }),
    );
    await page.goto(`${GMAIL}#inbox/FMfcgzQblayout`);
    const frame = await sidebarFrame(page);
    await expect.poll(() => frame.locator('.keep-in-mind').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => frame.locator('.next-action').textContent(), { timeout: 10_000 }).not.toContain('Working out');
    const laid = await boxes(frame, { who: FOLD.who, value: FOLD.value, keepInMind: FOLD.keepInMind, nextAction: '.next-action .section__title' });
    for (const [part, box] of Object.entries(laid)) expect(box?.bottom ?? Infinity, part).toBeLessThanOrEqual(768);
    // The name keeps to two lines, right to left; nothing spills sideways.
    expect((laid.who?.bottom ?? 0) - (laid.who?.top ?? 0)).toBeLessThan(50);
    expect(await frame.locator('.card__name').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.close();
  });

  it('narrows Gmail so no control of the thread view lies under the open sidebar, and gives the width back when collapsed', async () => {
    fixture = 'thread-single.html';
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${GMAIL}#inbox/FMfcgzQbroom`);
    const frame = await sidebarFrame(page);
    await expect.poll(() => frame.locator('main').textContent(), { timeout: 5000 }).toContain(SAMPLE_PEOPLE.maria.name);
    const box = await (await frame.frameElement()).boundingBox();
    if (!box) throw new Error('The sidebar has no box.');
    expect(Math.round(box.x + box.width)).toBe(1366);

    // Measured after the page had time to lay itself out again (the room is checked at 400 ms).
    await page.waitForTimeout(600);
    const open = await pageControls(page);
    const labels = open.map((c) => c.label);
    // The thread view's controls at the right edge are all there to be measured …
    for (const expected of ['Reply', 'More', 'Not starred', 'Tasks', 'Older', 'Draft: Re: Bestellung 4711']) expect(labels).toContain(expected);
    expect(labels.some((l) => l.startsWith('Google Account'))).toBe(true);
    expect(labels.some((l) => l.startsWith('Thu, Nov 26'))).toBe(true);
    // … and every one of them ends left of the sidebar.
    const covered = open.filter((c) => c.right > box.x + 0.5);
    expect(covered).toEqual([]);

    // Collapsed: Gmail has its whole width again, and the tab lies over none of its controls.
    await frame.getByRole('button', { name: 'Collapse sidebar' }).click();
    await expect.poll(async () => (await pageControls(page)).find((c) => c.label === 'Tasks')?.right ?? 0).toBeGreaterThan(1366 - 60);
    const tab = await tabBox(page);
    expect(tab).not.toBeNull();
    const under = (await pageControls(page)).filter((c) => tab && c.right > tab.left && c.bottom > tab.top && c.top < tab.bottom);
    expect(under).toEqual([]);

    // A control of the page where the tab would sit (as Gmail's "Show side panel" at the bottom
    // right): the tab moves away from it when placed again.
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.setAttribute('aria-label', 'Show side panel');
      button.style.cssText = 'position:fixed;right:0;bottom:80px;width:40px;height:90px';
      document.body.append(button);
    });
    await page.setViewportSize({ width: 1366, height: 767 });
    await expect
      .poll(async () => {
        const moved = await tabBox(page);
        return (await pageControls(page)).filter((c) => moved && c.right > moved.left && c.bottom > moved.top && c.top < moved.bottom).map((c) => c.label);
      })
      .toEqual([]);

    // Opened again from the tab, Gmail narrows again.
    const again = await tabBox(page);
    if (!again) throw new Error('No tab to open the sidebar with.');
    await page.mouse.click(1366 - 6, (again.top + again.bottom) / 2);
    await expect.poll(async () => (await pageControls(page)).filter((c) => c.right > 1366 - SIDEBAR_WIDTH + 0.5).map((c) => c.label)).toEqual([]);
    await page.close();
  });

  it('narrows a page only where that leaves no control under the sidebar; otherwise leaves it whole', async () => {
    const bundle = buildSync({
      entryPoints: [resolve(import.meta.dirname, '../../lib/mount/room.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'room',
      target: 'es2022',
    }).outputFiles[0]?.text;
    if (!bundle) throw new Error('No bundle.');
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    const trial = async (body: string) => {
      await page.setContent(`<!doctype html><html><body style="margin:0">${body}</body></html>`);
      await page.addScriptTag({ content: bundle });
      return page.evaluate((width) => {
        const api = (globalThis as unknown as { room: typeof import('../../lib/mount/room') }).room;
        const made = api.createRoom(document, { mode: 'auto' }, () => false);
        const state = made.set(width);
        return { state, mode: document.documentElement.getAttribute('data-crm-sidebar-room'), under: api.controlsUnder(document, width).length };
      }, SIDEBAR_WIDTH);
    };
    // An app that fills the window: its fixed bar comes along to the sidebar's edge.
    expect(await trial('<div style="height:100vh"><button style="position:fixed;right:0;top:0">Account</button></div>')).toEqual({ state: 'narrowed', mode: 'app', under: 0 });
    // A long page: its text reflows, its right-aligned link too.
    expect(await trial('<p style="text-align:right"><a href="#x">Contact</a></p><div style="height:3000px"></div>')).toEqual({ state: 'narrowed', mode: 'flow', under: 0 });
    // A long page with a fixed bar at the right: narrowing cannot move it, so the page stays whole.
    expect(await trial('<button style="position:fixed;right:0;top:0">Cart</button><div style="height:3000px"></div>')).toEqual({ state: 'overlay', mode: null, under: 1 });
    await page.close();
  });
});
