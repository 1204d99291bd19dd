// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stableJson, watchGmail } from '../../../../lib/sites/gmail/observer';
import type { PageReport } from '../../../../lib/messaging/protocol';
import { fixtureHtml } from './load-page';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKrzzLDFKRWhmrVNKVtJv';
const INBOX_URL = 'https://mail.google.com/mail/u/0/#inbox';

/** happy-dom's own hook to move the test page to Gmail's origin, so history works there. */
function moveToGmail(): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(INBOX_URL);
}

/** Puts a fixture's title and body into the test window, as Gmail swaps its views in place. */
function showPage(name: string): void {
  const parsed = new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
  document.title = parsed.title;
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((node) => document.importNode(node, true)));
}

function navigate(url: string): void {
  window.history.pushState(null, '', url);
  window.dispatchEvent(new HashChangeEvent('hashchange', { newURL: url }));
}

function addRecipient(email: string): void {
  const line = document.querySelector('.h7 .hb');
  const span = document.createElement('span');
  span.className = 'g2';
  span.setAttribute('email', email);
  line?.append(span);
}

describe('watchGmail', () => {
  let controller: AbortController;
  let reports: PageReport[];
  const onChange = (report: PageReport) => reports.push(report);

  beforeEach(() => {
    vi.useFakeTimers();
    moveToGmail();
    window.history.replaceState(null, '', THREAD_URL);
    showPage('thread-single.html');
    controller = new AbortController();
    reports = [];
  });

  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  it('reports the page once at start', () => {
    watchGmail(window, onChange, { signal: controller.signal });
    expect(reports).toEqual([
      {
        site: 'gmail',
        view: 'thread',
        threadId: '18f3a2b4c5d6e7f8',
        self: 'owner@example-shop.com',
        people: [{ email: 'maria.jensen@nordlicht-moebel.de', name: 'Maria Jensen', role: 'from' }],
      },
    ]);
  });

  it('turns a burst of 50 mutations into one report after the quiet period', async () => {
    watchGmail(window, onChange, { signal: controller.signal });
    for (let i = 0; i < 50; i++) {
      addRecipient(`guest${i}@example.org`);
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(reports).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(reports).toHaveLength(2);
    expect(reports[1]?.people).toHaveLength(51);
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toHaveLength(2);
  });

  it('still reports during a burst that never goes quiet, at most once per ten periods', async () => {
    watchGmail(window, onChange, { signal: controller.signal, debounceMs: 100 });
    for (let i = 0; i < 100; i++) {
      addRecipient(`guest${i}@example.org`);
      await vi.advanceTimersByTimeAsync(50);
    }
    // 5 s of changes every 50 ms: one forced report per second, not one per change.
    expect(reports.length).toBeGreaterThanOrEqual(1 + 4);
    expect(reports.length).toBeLessThanOrEqual(1 + 5);
  });

  it('sends nothing when a change leaves the report as it was', async () => {
    watchGmail(window, onChange, { signal: controller.signal });
    document.querySelector('.a3s')?.append(document.createElement('br'));
    document.querySelector('.gD')?.setAttribute('name', 'Maria Jensen');
    await vi.advanceTimersByTimeAsync(500);
    expect(reports).toHaveLength(1);
  });

  it('calls onSettle after every burst, even one that leaves the report as it was', async () => {
    const onSettle = vi.fn();
    watchGmail(window, onChange, { signal: controller.signal, onSettle });
    expect(onSettle).toHaveBeenCalledTimes(1);
    document.body.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(150);
    expect(reports).toHaveLength(1);
    expect(onSettle).toHaveBeenCalledTimes(2);
  });

  it('reports the new view after hash navigation to the inbox', async () => {
    watchGmail(window, onChange, { signal: controller.signal });
    showPage('inbox.html');
    navigate(INBOX_URL);
    await vi.advanceTimersByTimeAsync(100);
    expect(reports).toHaveLength(2);
    expect(reports[1]).toEqual({ site: 'gmail', view: 'inbox', threadId: null, self: 'owner@example-shop.com', people: [] });
  });

  it('reports another thread at once when its DOM appears, then coalesces the rest of the burst', async () => {
    watchGmail(window, onChange, { signal: controller.signal });
    // Gmail changes the hash first: the DOM still shows the old thread, so nothing is sent yet.
    navigate('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKrzzLDFKRWhmrVNKVtJw');
    await Promise.resolve();
    expect(reports).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(30);
    // Then the thread renders: reported in the mutation's own callback, no timer needed.
    showPage('thread-long.html');
    await Promise.resolve();
    expect(reports).toHaveLength(2);
    expect(reports[1]?.people.map((p) => p.email)).toContain('tom@becker-baeckerei.de');
    // Later changes in the same thread wait for the quiet time and come as one report.
    for (let i = 0; i < 5; i++) addRecipient(`late${i}@example.org`);
    await Promise.resolve();
    expect(reports).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(150);
    expect(reports).toHaveLength(3);
  });

  it('reports a hash change alone, with no DOM change', async () => {
    window.history.replaceState(null, '', INBOX_URL);
    showPage('inbox.html');
    watchGmail(window, onChange, { signal: controller.signal });
    navigate('https://mail.google.com/mail/u/0/#settings/general');
    await vi.advanceTimersByTimeAsync(100);
    expect(reports.map((r) => r.view)).toEqual(['inbox', 'other']);
  });

  it('reports on popstate (back button) too', async () => {
    window.history.replaceState(null, '', INBOX_URL);
    showPage('inbox.html');
    watchGmail(window, onChange, { signal: controller.signal });
    window.history.replaceState(null, '', THREAD_URL);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(100);
    // The DOM still shows the inbox: the URL's thread id stands until Gmail renders the thread.
    expect(reports.map((r) => [r.view, r.threadId])).toEqual([
      ['inbox', null],
      ['thread', 'FMfcgzQXJWDsKrzzLDFKRWhmrVNKVtJv'],
    ]);
  });

  it('stops calling after abort, with a change pending and afterwards', async () => {
    watchGmail(window, onChange, { signal: controller.signal });
    addRecipient('late@example.org');
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    addRecipient('later@example.org');
    navigate(INBOX_URL);
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toHaveLength(1);
  });

  it('does nothing with an already aborted signal', () => {
    controller.abort();
    watchGmail(window, onChange, { signal: controller.signal });
    expect(reports).toEqual([]);
  });

  it('keeps errors from the listener out of the host page', async () => {
    const failing = vi.fn(() => {
      throw new Error('extension context invalidated');
    });
    expect(() => watchGmail(window, failing, { signal: controller.signal })).not.toThrow();
    addRecipient('x@example.org');
    await vi.advanceTimersByTimeAsync(100);
    expect(failing).toHaveBeenCalledTimes(2);
  });
});

describe('stableJson', () => {
  it('gives the same string for the same report whatever the key order', () => {
    expect(stableJson({ b: 1, a: [{ y: 2, x: 1 }] })).toBe(stableJson({ a: [{ x: 1, y: 2 }], b: 1 }));
    expect(stableJson({ a: [1, 2] })).not.toBe(stableJson({ a: [2, 1] }));
  });
});
