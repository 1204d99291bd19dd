import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { SAMPLE_PEOPLE } from '../../lib/sample/business';
import {
  browserAvailable,
  launchExtension,
  sendFromPage,
  serveGmail,
  sidebarFrame,
  spaNavigate,
  type ExtensionSession,
} from './harness';

const GMAIL = 'https://mail.google.com/mail/u/0/';
const run = browserAvailable();

describe.runIf(run)('the spine in real Chromium', () => {
  let session: ExtensionSession;
  let fixture = 'thread-single.html';

  beforeAll(async () => {
    session = await launchExtension();
    await serveGmail(session.context, () => fixture);
    const page = await session.extensionPage('/options.html');
    const loaded = await sendFromPage(page, 'sample.load', {});
    expect(loaded).toMatchObject({ ok: true });
    await page.close();
  });

  afterAll(async () => {
    await session?.close();
  });

  async function openThread(name: string, hash = '#inbox/FMfcgzQbtest'): Promise<{ page: Page; frame: Frame }> {
    fixture = name;
    const page = await session.context.newPage();
    await page.goto(GMAIL + hash);
    return { page, frame: await sidebarFrame(page) };
  }

  it('shows a seeded customer card for the sender of a thread', async () => {
    const { page, frame } = await openThread('thread-single.html');
    const card = frame.locator('main');
    await expect.poll(() => card.textContent(), { timeout: 5000 }).toContain(SAMPLE_PEOPLE.maria.name);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(SAMPLE_PEOPLE.maria.company);
    expect(text).toContain('Prefers phone calls before 11:00');
    expect(text).not.toContain(SAMPLE_PEOPLE.self);
    await page.close();
  });

  it('adds an unknown person as a customer and then recognizes them', async () => {
    const { page, frame } = await openThread('thread-many-recipients.html');
    await frame.getByRole('tab', { name: new RegExp(SAMPLE_PEOPLE.unknown.name) }).click();
    await frame.getByRole('button', { name: 'Add as customer' }).click();
    await expect.poll(() => frame.getByLabel('Company').inputValue()).toBe(SAMPLE_PEOPLE.unknown.companyGuess);
    expect(await frame.getByLabel('Name').inputValue()).toBe(SAMPLE_PEOPLE.unknown.name);
    await frame.getByRole('button', { name: 'Save customer' }).click();
    await expect
      .poll(() => frame.getByRole('heading', { level: 2 }).first().textContent(), { timeout: 3000 })
      .toContain(SAMPLE_PEOPLE.unknown.name);
    await page.reload();
    const again = await sidebarFrame(page);
    await again.getByRole('tab', { name: new RegExp(SAMPLE_PEOPLE.unknown.name) }).click();
    await expect.poll(() => again.locator('main').textContent()).toContain(SAMPLE_PEOPLE.unknown.companyGuess);
    expect(await again.getByRole('button', { name: 'Add as customer' }).count()).toBe(0);
    await page.close();
  });

  it('keeps a note across a reload and shows it in another open tab within a second', async () => {
    const first = await openThread('thread-single.html');
    const second = await openThread('thread-single.html', '#inbox/FMfcgzQbother');
    await expect.poll(() => second.frame.locator('main').textContent()).toContain(SAMPLE_PEOPLE.maria.name);
    const body = `Called about the oak table ${Date.now()}`;
    const box = first.frame.getByPlaceholder('Add a note…');
    await box.fill(body);
    await box.press('Enter');
    // The poll's timeout is the limit: the other tab shows the note within a second.
    await expect.poll(() => second.frame.locator('main').textContent(), { timeout: 1000, interval: 50 }).toContain(body);
    await first.page.reload();
    const reloaded = await sidebarFrame(first.page);
    await expect.poll(() => reloaded.locator('main').textContent()).toContain(body);
    await first.page.close();
    await second.page.close();
  });

  it('follows Gmail single-page navigation between threads and to the inbox', async () => {
    const { page, frame } = await openThread('thread-single.html');
    const main = frame.locator('main');
    await expect.poll(() => main.textContent()).toContain(SAMPLE_PEOPLE.maria.name);
    // Each poll's timeout is the limit: the sidebar follows within half a second.
    await spaNavigate(page, 'thread-long.html', '#inbox/FMfcgzQblong');
    await expect.poll(() => main.textContent(), { timeout: 500, interval: 25 }).toContain(SAMPLE_PEOPLE.tom.name);
    await spaNavigate(page, 'inbox.html', '#inbox');
    await expect.poll(() => main.textContent(), { timeout: 500, interval: 25 }).toContain('Open an email');
    expect(await main.textContent()).not.toContain(SAMPLE_PEOPLE.tom.name);
    await page.close();
  });

  it('remembers a collapsed sidebar and reopens it from the launcher', async () => {
    const { page, frame } = await openThread('thread-single.html');
    // The launcher and the iframe live in a closed shadow root: selectors cannot reach them,
    // so the test looks at the iframe through its frame and clicks the launcher where it is.
    const frameVisible = async () => (await (await sidebarFrame(page)).frameElement()).isVisible();
    expect(await frameVisible()).toBe(true);
    await frame.getByRole('button', { name: /collapse/i }).click();
    await expect.poll(frameVisible).toBe(false);
    await page.reload();
    await page.waitForSelector('crm-sidebar-host', { state: 'attached' });
    await expect.poll(frameVisible).toBe(false);
    const viewport = page.viewportSize() ?? { width: 1400, height: 900 };
    await page.mouse.click(viewport.width - 8, viewport.height - 96 - 28);
    await expect.poll(frameVisible).toBe(true);
    await page.close();
  });

  it('keeps the sidebar out of reach of the host page', async () => {
    const { page, frame } = await openThread('thread-single.html');
    await expect.poll(() => frame.locator('main').textContent()).toContain(SAMPLE_PEOPLE.maria.name);
    const countNotes = () => frame.locator('li.note').count();
    const before = await countNotes();
    // The forged messages name Maria's real id, so they would land on her card if accepted.
    const extension = await session.extensionPage('/options.html');
    const found = (await sendFromPage(extension, 'quicknote.candidates', { query: SAMPLE_PEOPLE.maria.email, tabId: null })) as {
      data: { matches: { customerId: string }[] };
    };
    const mariaId = found.data.matches[0]?.customerId;
    expect(mariaId).toBeTruthy();
    const probe = await page.evaluate(async ([extensionId, customerId]) => {
      const host = document.querySelector('crm-sidebar-host');
      // The page can reach the frame's window (window.frames) but not its document.
      const frameWindows = Array.from({ length: window.frames.length }, (_, i) => window.frames[i]);
      const readable: string[] = [];
      for (const w of frameWindows) {
        try {
          readable.push(w?.document.body.textContent ?? '');
        } catch {
          // cross-origin: expected
        }
      }
      const frameReadable = !!host?.shadowRoot || readable.some((text) => text.includes('Maria'));
      const forged = { type: 'note.add', payload: { customerId, body: 'forged by the page' } };
      window.postMessage(forged, '*');
      for (const w of frameWindows) w?.postMessage(forged, '*');
      let runtimeReply = 'no runtime';
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } })
        .chrome?.runtime;
      if (runtime?.sendMessage) {
        runtimeReply = await runtime.sendMessage(extensionId, forged).then(
          (r) => JSON.stringify(r),
          (e: Error) => `refused: ${e.message}`,
        );
      }
      return { frameReadable, frames: frameWindows.length, bodyText: document.body.innerText, runtimeReply };
    }, [session.extensionId, mariaId] as const);
    // The frame sits in a closed shadow tree: not even its window is in window.frames.
    expect(probe.frames).toBe(0);
    expect(probe.frameReadable).toBe(false);
    expect(probe.bodyText).not.toContain('Prefers phone calls');
    expect(probe.runtimeReply).not.toContain('"ok":true');
    await page.waitForTimeout(300);
    expect(await countNotes()).toBe(before);
    expect(await frame.locator('main').textContent()).not.toContain('forged by the page');
    const card = (await sendFromPage(extension, 'customer.card', { customerId: mariaId })) as {
      data: { notes: { body: string }[] };
    };
    expect(card.data.notes.map((n) => n.body)).not.toContain('forged by the page');
    expect(card.data.notes.length).toBe(before);
    await extension.close();
    await page.close();
  });

  it('refuses the sidebar page when it is framed by anything but our content script', async () => {
    const { page, frame } = await openThread('thread-single.html');
    await expect.poll(() => frame.locator('main').textContent()).toContain(SAMPLE_PEOPLE.maria.name);
    // Suppose a site learned the sidebar's address and frames it, with a made-up token and with
    // none: it must get nothing (Chrome does not even load it there).
    const address = frame.url().split('#')[0] ?? '';
    await session.context.route('https://attacker.example/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Prize</title><iframe src="${address}#frame=${crypto.randomUUID()}"></iframe><iframe src="${address}"></iframe>`,
      }),
    );
    const attacker = await session.context.newPage();
    await attacker.goto('https://attacker.example/');
    await expect.poll(() => attacker.frames().length).toBe(3);
    await attacker.waitForTimeout(1000);
    for (const child of attacker.frames().slice(1)) {
      const text = await child.locator('body').textContent().catch(() => '');
      expect(text).not.toContain(SAMPLE_PEOPLE.maria.name);
    }
    await attacker.close();

    // The background's own check, where the page does load: the sidebar framed in a tab without
    // the token its content script registered is refused, and shows no customer.
    const host = await session.extensionPage('/options.html');
    await host.evaluate(() => {
      const iframe = document.createElement('iframe');
      iframe.src = `${location.origin}/sidebar.html#frame=${crypto.randomUUID()}`;
      document.body.append(iframe);
    });
    await expect.poll(() => host.frames().length).toBe(2);
    const stray = host.frames()[1];
    if (!stray) throw new Error('no framed sidebar');
    await expect.poll(() => stray.locator('body').textContent(), { timeout: 5000 }).toContain('not opened by the extension');
    await host.close();
    await page.close();
  });
});
