import { useContext, useId, useMemo } from 'preact/hooks';
import type { InteractionKind } from '../../lib/model/records';
import type { ConsentPatch, CustomerCard as CustomerCardData } from '../../lib/messaging/protocol';
import { ConsentEditor, ConsentFlag } from '../consent/consent-editor';
import { mailtoHref } from '../safe-href';
import { buildHistory } from './history';
import { HistoryList } from './history-list';
import { KeyFigures } from './key-figures';
import { LogInteraction } from './log-interaction';
import { KeepInMind, NotesSection } from './notes-section';
import { InsightBadges } from './insight-badges';
import { InsightsContext } from './insights-context';
import { CHANNEL_LABELS, NextAction, type RuleReminders } from './next-action';
import { RemindersContext, remindersByNote, remindersByRule } from './reminders-context';
import { initials } from './person-label';
import type { NoteCallbacks, NoteReminders } from './types';

export interface CustomerCardProps extends NoteCallbacks {
  card: CustomerCardData;
  now: number;
  locale?: string;
  onLogInteraction?: (kind: InteractionKind, summary: string) => Promise<void>;
  /** Do-not-contact and marketing permission; the editor is hidden without it. */
  onSetConsent?: (consent: ConsentPatch) => Promise<void>;
}

function EmailLink({ email }: { email: string }) {
  const href = mailtoHref(email);
  // An address we cannot turn into a safe link is still worth reading.
  return href ? <a href={href}>{email}</a> : <span>{email}</span>;
}

/** The customer's own boundaries, as the card states them before the next action. */
function boundaries(customer: CustomerCardData['customer']): string[] {
  const out: string[] = [];
  if (customer.preferredChannel) out.push(`Prefers ${CHANNEL_LABELS[customer.preferredChannel].toLowerCase()}`);
  return out;
}

/**
 * Who the customer is, how valuable, what to keep in mind and the next action first (what must
 * show without scrolling at 1366×768), then contact, notes and history. Every string is text.
 */
export function CustomerCard({ card, now, locale, onAdd, onUpdate, onDelete, onLogInteraction, onSetConsent }: CustomerCardProps) {
  const { customer, company } = card;
  const name = customer.name.trim() || customer.emails[0] || 'Unnamed customer';
  const history = useMemo(() => buildHistory(card, locale), [card, locale]);
  const historyId = useId();
  const contactId = useId();
  const insights = useContext(InsightsContext);
  // Only this customer's insights: a reply for the previous one never shows on this card.
  const insightState = insights && insights.state.kind !== 'none' && insights.state.customerId === customer.id ? insights.state : null;
  const reminderSlot = useContext(RemindersContext);
  // As with insights: only this customer's reminders, and "Remind me" only once they are known
  // (offering it before would hide a reminder already set).
  const reminderList = reminderSlot?.state.kind === 'ready' && reminderSlot.state.customerId === customer.id ? reminderSlot.state.reminders : null;
  const noteReminders: NoteReminders | undefined =
    reminderSlot && reminderList
      ? {
          byNote: remindersByNote(reminderList),
          now,
          onSet: (noteId, title, dueAt) => reminderSlot.onSet(customer.id, { noteId }, title, dueAt),
          onClear: reminderSlot.onClear,
        }
      : undefined;
  const ruleReminders: RuleReminders | undefined =
    reminderSlot && reminderList
      ? {
          byRule: remindersByRule(reminderList),
          onSet: (ruleId, title, dueAt) => reminderSlot.onSet(customer.id, { ruleId }, title, dueAt),
          onClear: reminderSlot.onClear,
        }
      : undefined;

  return (
    <article class="card" aria-label={`Customer: ${name}`}>
      <header class="card__header">
        <span class="avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <div class="card__identity">
          <h2 class="card__name" title={name} dir="auto">
            {name}
          </h2>
          {company && <p class="card__company">{company.name}</p>}
          {insightState && <InsightBadges state={insightState} />}
        </div>
      </header>
      <ConsentFlag consent={customer.consent} locale={locale} />

      <KeyFigures customer={customer} now={now} locale={locale} />

      <KeepInMind
        notes={card.notes}
        boundaries={boundaries(customer)}
        onUpdate={onUpdate}
        onDelete={onDelete}
        locale={locale}
        remind={noteReminders}
      />

      {insights && insightState && (
        <NextAction
          state={insightState}
          now={now}
          locale={locale}
          onDone={(ruleId) => insights.onDone(customer.id, ruleId)}
          onSnooze={(ruleId, factsKey, until) => insights.onSnooze(customer.id, ruleId, factsKey, until)}
          onDismiss={(ruleId, factsKey) => insights.onDismiss(customer.id, ruleId, factsKey)}
          onUndo={(ruleId, factsKey) => insights.onUndo(customer.id, ruleId, factsKey)}
          remind={ruleReminders}
        />
      )}

      <section class="section section--contact" aria-labelledby={contactId}>
        <h3 id={contactId} class="visually-hidden">
          Contact
        </h3>
        {customer.emails.length > 0 && (
          <ul class="contact__emails" aria-label="Email addresses">
            {customer.emails.map((email) => (
              <li key={email}>
                <EmailLink email={email} />
              </li>
            ))}
          </ul>
        )}
        {customer.phone && (
          <p class="contact__phone">
            <span class="contact__label">Phone</span> {customer.phone}
          </p>
        )}
        {customer.tags.length > 0 && (
          <ul class="tags" aria-label="Tags">
            {customer.tags.map((tag) => (
              <li key={tag} class="tag">
                {tag}
              </li>
            ))}
          </ul>
        )}
      </section>

      {reminderSlot?.state.kind === 'error' && reminderSlot.state.customerId === customer.id && (
        <p class="error-text" role="alert">
          Reminders could not be loaded: {reminderSlot.state.message}
        </p>
      )}

      <NotesSection notes={card.notes} onAdd={onAdd} onUpdate={onUpdate} onDelete={onDelete} locale={locale} remind={noteReminders} />

      {onLogInteraction && <LogInteraction onLog={onLogInteraction} />}

      {onSetConsent && <ConsentEditor consent={customer.consent} now={now} locale={locale} onSave={onSetConsent} />}

      <section class="section" aria-labelledby={historyId}>
        <h3 id={historyId} class="section__title">
          History
        </h3>
        <HistoryList entries={history} locale={locale} />
      </section>
    </article>
  );
}
