// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { TierMark } from '../../../../lib/messaging/vocabulary';
import { inboxAddresses, planInboxMarks } from '../../../../lib/sites/gmail/inbox-marks';
import { loadPage } from './load-page';

const REAL = 'real/inboxsdk-inbox-thread-list-2014.html';
const marks = (entries: [string, TierMark][]) => new Map<string, TierMark>(entries);

describe('inboxAddresses', () => {
  it('lists each row participant of the real saved inbox once, the signed-in user left out', () => {
    expect(inboxAddresses(loadPage(REAL)).sort()).toEqual([
      'cowan@streak.com',
      'help@twilio.com',
      'news@twilio.com',
      'no-reply@accounts.google.com',
      'noreply-94292212@plus.google.com',
      'notifications@mailfoogae.appspotmail.com',
    ]);
  });

  it('lists the authored inbox participants, cleaned of U+202C, without the user', () => {
    expect(inboxAddresses(loadPage('inbox.html'))).toEqual([
      'maria.jensen@nordlicht-moebel.de',
      'tom@becker-baeckerei.de',
      'lena.vogel@gmail.com',
      'anna.schmidt@hofladen-schmidt.de',
      'noreply@paketdienst.example',
    ]);
  });
});

describe('planInboxMarks', () => {
  it('marks every real row of a customer once, beside the visible name, not the screen-reader line', () => {
    const doc = loadPage(REAL);
    const plan = planInboxMarks(doc, marks([['news@twilio.com', 'A'], ['cowan@streak.com', 'C']]));
    // 5 Twilio news rows and 2 rows from Chris Cowan (gmail-dom-selectors.json thread_list rows).
    expect(plan.map((p) => p.email).sort()).toEqual([
      ...Array<string>(2).fill('cowan@streak.com'),
      ...Array<string>(5).fill('news@twilio.com'),
    ]);
    for (const placement of plan) {
      expect(placement.anchor.parentElement?.classList.contains('yW')).toBe(true);
      expect(placement.anchor.closest('tr.zA')).not.toBeNull();
    }
    expect(new Set(plan.map((p) => p.anchor.closest('tr'))).size).toBe(plan.length);
    expect(plan.find((p) => p.email === 'news@twilio.com')?.tier).toBe('A');
  });

  it('marks the authored inbox rows of known customers only, and never the user', () => {
    const doc = loadPage('inbox.html');
    const plan = planInboxMarks(
      doc,
      marks([
        ['maria.jensen@nordlicht-moebel.de', 'A'],
        ['lena.vogel@gmail.com', 'B'],
        ['owner@example-shop.com', 'C'],
      ]),
    );
    expect(plan.map((p) => [p.email, p.tier, p.anchor.getAttribute('name')])).toEqual([
      ['maria.jensen@nordlicht-moebel.de', 'A', 'Maria Jensen'],
      ['lena.vogel@gmail.com', 'B', 'Lena Vogel'],
    ]);
  });

  it('plans nothing without marks or without a thread list', () => {
    expect(planInboxMarks(loadPage('inbox.html'), new Map())).toEqual([]);
    // An address outside a list row (a thread's sender, a chat roster) is not a row to mark.
    const thread = new DOMParser().parseFromString('<div class="yW"><span email="maria.jensen@nordlicht-moebel.de"></span></div>', 'text/html');
    expect(planInboxMarks(thread, marks([['maria.jensen@nordlicht-moebel.de', 'A']]))).toEqual([]);
  });
});
