// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ComponentChild } from 'preact';
import { BackupPanel } from '../../components/manager/backup-panel';
import { CompanyPanel } from '../../components/manager/company-panel';
import { CustomerDetail } from '../../components/manager/customer-detail';
import { ReminderList } from '../../components/popup/reminder-list';
import { RecoveryScreen } from '../../components/recovery/recovery-screen';
import { CompanyCard } from '../../components/sidebar/company-card';
import { CustomerCard } from '../../components/sidebar/customer-card';
import { InsightsContext, type InsightsSlot } from '../../components/sidebar/insights-context';
import { RemindersContext, type RemindersSlot } from '../../components/sidebar/reminders-context';
import { formatDate } from '../../lib/format';
import type { CustomerCard as CardData, InsightCard, ListRow } from '../../lib/messaging/protocol';
import type { Reminder } from '../../lib/model/records';
import { DAY, NOW, createCard, createCustomer, createInteraction, createNote, createOrder, mount } from './helpers';

/**
 * Every screen that shows dates shows them in the one date style (lib/format.ts): rendered with
 * known times, the text holds those dates as formatDate writes them and no other date.
 */

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const MONTH = '(?:Jan|Feb|M[aä]r|Apr|Ma[iy]|Jun|Jul|Aug|Sep|O[ck]t|Nov|De[cz])[a-zä]*\\.?';
/** What a date looks like in any style: "Dec 6", "6 Dec", "12/6/2026", "2026-12-06", "06.12.". */
const DATE_LIKE = [new RegExp(`\\b${MONTH} \\d{1,2}\\b`), new RegExp(`\\b\\d{1,2}\\.? ${MONTH}`), /\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b/, /\b\d{1,2}\.\d{1,2}\.(?!\d)/];

/** The text's dates that are not in the one style (every day within two years of NOW removed first). */
function otherDates(text: string, locale: string | undefined): string[] {
  let rest = text;
  for (let d = -800; d <= 800; d++) rest = rest.split(formatDate(NOW + d * DAY, locale)).join(' ');
  return DATE_LIKE.flatMap((pattern) => rest.match(new RegExp(pattern, 'g')) ?? []);
}

function shown(node: ComponentChild): string {
  view?.unmount();
  view = mount(node);
  // Disclosures open, so what they hold is read too.
  for (const details of view.container.querySelectorAll('details')) details.open = true;
  return view.container.textContent ?? '';
}

const reminder: Reminder = {
  id: 'r1',
  customerId: 'c1',
  noteId: 'n1',
  ruleId: null,
  title: 'Call about the chairs',
  dueAt: NOW + 2 * DAY,
  firedAt: null,
  doneAt: null,
  createdAt: NOW,
  updatedAt: NOW,
  deletedAt: null,
} as Reminder;

function insightCard(): InsightCard {
  const suggestion = { ruleId: 'ask-feedback', title: 'Ask for feedback', reason: 'Order #1042 was 10 days ago.', channel: 'email', dueAt: NOW - 3 * DAY, priority: 40, factsKey: 'k1', overdue: true } as const;
  return {
    customerId: 'c1',
    computedAt: NOW,
    tier: { tier: 'B', computed: 'B', overridden: false },
    rfm: 'Loyal',
    stage: 'active',
    held: [{ ruleId: 'reorder-reminder', factsKey: 'k2', title: 'Remind them to reorder', kind: 'snoozed', until: NOW + 9 * DAY }],
    buying: { pAlive: 0.8, usualGapDays: [28, 35], nextOrder: null, seasonDay: null, expectedOrders12m: 6, expectedValue12mMinor: 90_000, atStakeMinor: 20_000, currency: 'EUR' },
    figures: { orderCount: 2, medianIntervalDays: 30, expectedNextOrderAt: NOW + 20 * DAY, daysSinceLastOrder: 10, daysSinceLastTouch: 5, revenue12m: [{ currency: 'EUR', minor: 24_000 }] },
    suggestions: [suggestion, { ...suggestion, ruleId: 'upsell', factsKey: 'k3', dueAt: NOW + 4 * DAY, overdue: false }],
    explanation: { buying: ['About 80 % likely still buying.'], tier: ['Ranked 3 by revenue.'], rfm: ['Loyal.'], stage: ['Active.'], suggestions: [{ ruleId: 'ask-feedback', sentences: ['Their last order was 10 days ago.'] }] },
  } as InsightCard;
}

function card(): CardData {
  return createCard({
    customer: createCustomer({
      stats: { ...createCustomer().stats, orderCount: 2, firstOrderAt: NOW - 300 * DAY, lastOrderAt: NOW - 10 * DAY, revenue: [{ currency: 'EUR', minor: 24_000 }] },
      consent: { doNotContact: { since: NOW - 40 * DAY, reason: 'Asked by phone' }, marketing: { email: 'no', sms: 'unknown', whatsapp: 'unknown' }, marketingUpdatedAt: NOW - 40 * DAY },
    }),
    orders: [createOrder({ orderedAt: NOW - 10 * DAY }), createOrder({ id: 'o2', number: '1001', orderedAt: NOW - 300 * DAY })],
    interactions: [createInteraction({ at: NOW - 5 * DAY })],
    notes: [createNote({ pinned: true, createdAt: NOW - 20 * DAY, updatedAt: NOW - 2 * DAY }), createNote({ id: 'n2', body: 'Two kids', createdAt: NOW - 60 * DAY, updatedAt: NOW - 60 * DAY })],
  });
}

function sidebarCard(locale: string): ComponentChild {
  const insights = { state: { kind: 'ready', customerId: 'c1', card: insightCard() }, onDone: vi.fn(), onSnooze: vi.fn(), onDismiss: vi.fn(), onUndo: vi.fn() } as unknown as InsightsSlot;
  const reminders = { state: { kind: 'ready', customerId: 'c1', reminders: [reminder] }, onSet: vi.fn(), onClear: vi.fn() } as unknown as RemindersSlot;
  return (
    <InsightsContext.Provider value={insights}>
      <RemindersContext.Provider value={reminders}>
        <CustomerCard card={card()} now={NOW} locale={locale} onAdd={vi.fn()} onUpdate={vi.fn()} onDelete={vi.fn()} onSetConsent={vi.fn()} />
      </RemindersContext.Provider>
    </InsightsContext.Provider>
  );
}

const row: ListRow = { id: 'c1', name: 'Jan Petersen', email: 'jan@nordlicht.de', companyName: 'Nordlicht', tags: [], tier: 'A', stage: 'active', revenue: { currency: 'EUR', minor: 123_450 }, orderCount: 7, lastOrderAt: NOW - 12 * DAY };

describe('one date style on every screen', () => {
  for (const locale of ['en-US', 'de-DE']) {
    it(`shows the sidebar's card (figures, pinned and other notes, next action, held, reminders, consent, history) in ${locale}'s medium dates`, () => {
      const text = shown(sidebarCard(locale));
      // The dates are there, in the one style …
      for (const at of [NOW - 10 * DAY, NOW - 300 * DAY, NOW - 20 * DAY, NOW - 3 * DAY, NOW + 9 * DAY, NOW + 2 * DAY, NOW - 40 * DAY, NOW - 5 * DAY]) expect(text).toContain(formatDate(at, locale));
      // … and no other.
      expect(otherDates(text, locale)).toEqual([]);
    });

    it(`shows the popup's reminders and the sidebar's company screen in ${locale}'s medium dates`, () => {
      const reminders = shown(<ReminderList state={{ kind: 'ready', value: [{ reminder, customerName: 'Ann' }] }} now={NOW} locale={locale} onDone={vi.fn()} onSnooze={vi.fn()} />);
      expect(reminders).toContain(formatDate(reminder.dueAt, locale));
      expect(otherDates(reminders, locale)).toEqual([]);
      const company = shown(
        <CompanyCard
          locale={locale}
          onOpenContact={vi.fn()}
          card={{
            company: { id: 'co', name: 'Nordlicht', domains: ['nordlicht.de'], createdAt: NOW, updatedAt: NOW, deletedAt: null },
            domain: 'nordlicht.de',
            contacts: [{ customerId: 'c1', name: 'Jan', email: 'jan@nordlicht.de', revenue: [], orderCount: 2, lastOrderAt: NOW - 12 * DAY, insights: null, tierOverride: null }],
            revenue: [],
            orderCount: 2,
            notes: [{ ...createNote({ createdAt: NOW - 6 * DAY }), customerName: 'Jan' }],
            nextAction: null,
          }}
        />,
      );
      expect(company).toContain(formatDate(NOW - 12 * DAY, locale));
      expect(otherDates(company, locale)).toEqual([]);
    });
  }

  it('shows the manager’s customer, company, backup and recovery screens in the browser’s medium dates', () => {
    const texts = [
      shown(<CustomerDetail state={{ kind: 'card', card: card() }} onSave={vi.fn()} onDelete={vi.fn()} onClose={vi.fn()} />),
      shown(<CompanyPanel state={{ kind: 'company', detail: { company: { id: 'co', name: 'Nordlicht', domains: ['nordlicht.de'], createdAt: NOW, updatedAt: NOW, deletedAt: null }, contacts: [row] } }} onSave={vi.fn()} onOpenContact={vi.fn()} onClose={vi.fn()} />),
      shown(<BackupPanel storage={{ persisted: true, usage: 1000, quota: 10_000 }} lastBackupAt={NOW - 31 * DAY} task={{ kind: 'idle' }} onBackup={vi.fn()} onRestore={vi.fn()} onExport={vi.fn()} />),
      shown(
        <RecoveryScreen
          state={{
            kind: 'ready',
            status: { state: 'lost', held: { counts: { customers: 3, companies: 1, orderBooks: 2, notes: 4, interactions: 5 }, lastBackupAt: NOW - 31 * DAY, seenAt: NOW - DAY, schema: 11 }, since: NOW, error: null, schema: { found: 11, supported: 11 }, team: false },
            copies: [{ id: 's1', takenAt: NOW - 2 * DAY, counts: { customers: 3, companies: 1, orderBooks: 2, notes: 4, interactions: 5 }, bytes: 2048 }],
          } as never}
          task={{ kind: 'idle' }}
          onRestoreCopy={vi.fn()}
          onDownloadCopy={vi.fn()}
          onRestoreFile={vi.fn()}
          onRestoreTeam={vi.fn()}
          onDownloadReadable={vi.fn()}
          onStartOver={vi.fn()}
          onReplaceDamaged={vi.fn()}
        />,
      ),
    ];
    const [detail, company, backup, recovery] = texts;
    expect(detail).toContain(formatDate(NOW - 10 * DAY));
    expect(company).toContain(formatDate(NOW - 12 * DAY));
    expect(backup).toContain(formatDate(NOW - 31 * DAY));
    expect(recovery).toContain(formatDate(NOW - 2 * DAY));
    for (const text of texts) expect(otherDates(text, undefined)).toEqual([]);
  });

  it('tells a second style apart', () => {
    expect(otherDates(`Due ${formatDate(NOW, 'en-US')}`, 'en-US')).toEqual([]);
    expect(otherDates('Due Dec 10', 'en-US')).toEqual(['Dec 10']);
    expect(otherDates('Due 11/27/2026', 'en-US')).toEqual(['11/27/2026']);
    expect(otherDates('Due 27 Nov 2026', 'en-US')).toEqual(['27 Nov']);
    expect(otherDates('Fällig 27.11.', 'de-DE')).toEqual(['27.11.']);
  });
});
