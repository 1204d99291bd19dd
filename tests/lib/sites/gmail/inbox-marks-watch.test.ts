// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTierMarks, TIER_MARK_TAG } from '../../../../lib/mount/tier-marks';
import type { TierMark } from '../../../../lib/messaging/vocabulary';
import { MARK_TTL_MS, watchInboxMarks } from '../../../../lib/sites/gmail/inbox-marks-watch';
import { fixtureHtml } from './load-page';

const MARIA = 'maria.jensen@nordlicht-moebel.de';

function showInbox() {
  const parsed = new DOMParser().parseFromString(fixtureHtml('inbox.html'), 'text/html');
  document.title = parsed.title;
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.importNode(n, true)));
}

/** The row participant each mark stands before. */
const marked = () =>
  Array.from(document.querySelectorAll(TIER_MARK_TAG)).map((m) => m.nextElementSibling?.getAttribute('email'));

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watchInboxMarks', () => {
  let controller: AbortController;
  let clock: number;
  let ask: ReturnType<typeof vi.fn<(emails: string[]) => Promise<ReadonlyMap<string, TierMark>>>>;

  beforeEach(() => {
    showInbox();
    controller = new AbortController();
    clock = 1_000_000;
    ask = vi.fn(async () => new Map<string, TierMark>([[MARIA, 'A']]));
  });
  afterEach(() => controller.abort());

  const start = () =>
    watchInboxMarks({ doc: document, signal: controller.signal, ask, marks: createTierMarks(document), now: () => clock });

  it('asks nothing and draws nothing while off', async () => {
    const watch = start();
    watch.update();
    await settle();
    expect(ask).not.toHaveBeenCalled();
    expect(marked()).toEqual([]);
  });

  it('when on, asks once for the rows’ addresses and marks the customer’s row', async () => {
    const watch = start();
    watch.setEnabled(true);
    await settle();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask.mock.calls[0]?.[0]).toContain(MARIA);
    expect(ask.mock.calls[0]?.[0]).not.toContain('owner@example-shop.com');
    expect(marked()).toEqual([MARIA]);
    // Later bursts with the same rows ask nothing until the answer is old.
    watch.update();
    await settle();
    expect(ask).toHaveBeenCalledTimes(1);
    clock += MARK_TTL_MS + 1;
    watch.update();
    await settle();
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('marks a row Gmail re-rendered without asking again', async () => {
    const watch = start();
    watch.setEnabled(true);
    await settle();
    showInbox();
    expect(marked()).toEqual([]);
    watch.update();
    await settle();
    expect(marked()).toEqual([MARIA]);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('removes the marks when turned off and ignores an answer that arrives after', async () => {
    let answer!: (marks: ReadonlyMap<string, TierMark>) => void;
    const watch = start();
    watch.setEnabled(true);
    await settle();
    expect(marked()).toEqual([MARIA]);
    watch.setEnabled(false);
    expect(marked()).toEqual([]);
    ask.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    watch.setEnabled(true);
    watch.setEnabled(false);
    answer(new Map([[MARIA, 'B']]));
    await settle();
    expect(marked()).toEqual([]);
  });

  it('keeps a refused or failed question out of the page', async () => {
    ask.mockRejectedValue(new Error('Inbox marks are turned off in the settings.'));
    const watch = start();
    expect(() => watch.setEnabled(true)).not.toThrow();
    await settle();
    expect(marked()).toEqual([]);
    // Not asked again on every burst.
    watch.update();
    await settle();
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('clears the marks when the content script is torn down', async () => {
    start().setEnabled(true);
    await settle();
    controller.abort();
    expect(marked()).toEqual([]);
  });
});
