// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findPageEmails } from '../../../lib/sites/generic/finder';
import { watchPage } from '../../../lib/sites/watch';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watchPage', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('scans once at start, then once per burst of changes, only when the result differs', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const onChange = vi.fn();
    watchPage({ win: window, scan: () => findPageEmails(document), onChange, signal: controller.signal, debounceMs: 50 });
    expect(onChange).toHaveBeenCalledTimes(1);

    for (let i = 0; i < 40; i++) {
      const p = document.createElement('p');
      p.textContent = `person${i}@example.org`;
      document.body.append(p);
      await vi.advanceTimersByTimeAsync(5);
    }
    await vi.advanceTimersByTimeAsync(100);
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(onChange.mock.lastCall?.[0]).toHaveLength(40);

    // A change that leaves the addresses as they were sends nothing.
    document.body.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(100);
    expect(onChange).toHaveBeenCalledTimes(2);

    controller.abort();
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'late@example.org' }));
    await vi.advanceTimersByTimeAsync(100);
    expect(onChange).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });

  it('reports a burst that never goes quiet after ten debounce periods', async () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    const controller = new AbortController();
    let n = 0;
    watchPage({ win: window, scan: () => n++, onChange, signal: controller.signal, debounceMs: 20 });
    for (let i = 0; i < 30; i++) {
      document.body.append(document.createElement('span'));
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(2);
    controller.abort();
    vi.useRealTimers();
  });

  it('never lets a failing scan throw into the page', async () => {
    const controller = new AbortController();
    expect(() =>
      watchPage({
        win: window,
        scan: () => {
          throw new Error('page changed shape');
        },
        onChange: vi.fn(),
        signal: controller.signal,
      }),
    ).not.toThrow();
    await flush();
    controller.abort();
  });
});
