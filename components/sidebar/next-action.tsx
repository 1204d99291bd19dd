import { useId, useRef, useState } from 'preact/hooks';
import type { InsightCard, InsightSuggestion } from '../../lib/messaging/protocol';
import type { Reminder } from '../../lib/model/records';
import type { InsightsState } from '../../lib/sidebar/insights-store';
import { closeOnEscape } from '../close-on-escape';
import { formatDate, formatMoney, formatRelativeDays, isoDate } from '../format';
import { RemindMe } from './remind-me';
import { useAction } from './use-action';
import './insights.css';

const DAY_MS = 86_400_000;

export const CHANNEL_LABELS: Record<InsightSuggestion['channel'], string> = {
  email: 'Email',
  phone: 'Phone',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  in_person: 'In person',
};

export interface NextActionCallbacks {
  onDone: (ruleId: InsightSuggestion['ruleId']) => Promise<void>;
  onSnooze: (ruleId: InsightSuggestion['ruleId'], factsKey: string, until: number) => Promise<void>;
  onDismiss: (ruleId: InsightSuggestion['ruleId'], factsKey: string) => Promise<void>;
}

/** Reminders on next actions (by rule), bound to one customer. */
export interface RuleReminders {
  /** The open reminder on each rule, by rule id. */
  byRule: ReadonlyMap<string, Reminder>;
  onSet: (ruleId: InsightSuggestion['ruleId'], title: string, dueAt: number) => Promise<void>;
  onClear: (id: string) => Promise<void>;
}

export interface NextActionProps extends NextActionCallbacks {
  state: InsightsState;
  now: number;
  locale?: string;
  /** "Remind me" on each suggestion; without it they offer none. */
  remind?: RuleReminders;
}

/** A picked calendar day, snoozed to 9:00 local time that day. */
export function dayToTime(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 9).getTime();
}

function Due({ suggestion, now, locale }: { suggestion: InsightSuggestion; now: number; locale?: string }) {
  const when = <time dateTime={isoDate(suggestion.dueAt)}>{formatDate(suggestion.dueAt, locale)}</time>;
  if (suggestion.overdue) {
    return (
      <span class="due due--overdue">
        <span class="badge badge--overdue">overdue</span> since {when}
      </span>
    );
  }
  return <span class="due">{suggestion.dueAt <= now ? 'due today' : <>due {when}</>}</span>;
}

function SuggestionItem({ suggestion, now, locale, top, remind, onDone, onSnooze, onDismiss }: NextActionCallbacks & { suggestion: InsightSuggestion; now: number; locale?: string; top: boolean; remind?: RuleReminders }) {
  const action = useAction();
  const [picking, setPicking] = useState(false);
  const datePicker = useRef<HTMLButtonElement>(null);
  const dateId = useId();
  const { ruleId, factsKey } = suggestion;
  const snooze = (until: number) => void action.run(() => onSnooze(ruleId, factsKey, until));
  return (
    <div class={`suggestion${top ? ' suggestion--top' : ''}`} data-rule={ruleId}>
      <p class="suggestion__title">{suggestion.title}</p>
      <p class="suggestion__reason">{suggestion.reason}</p>
      <p class="suggestion__meta">
        {CHANNEL_LABELS[suggestion.channel]} · <Due suggestion={suggestion} now={now} locale={locale} />
      </p>
      <div class="suggestion__actions" role="group" aria-label={`Actions for: ${suggestion.title}`}>
        <button type="button" class="button button--small button--primary" disabled={action.busy} onClick={() => void action.run(() => onDone(ruleId))}>
          Done
        </button>
        <button type="button" class="button button--small" disabled={action.busy} onClick={() => snooze(now + DAY_MS)}>
          Snooze 1 day
        </button>
        <button type="button" class="button button--small" disabled={action.busy} onClick={() => snooze(now + 7 * DAY_MS)}>
          Snooze 1 week
        </button>
        <button
          ref={datePicker}
          type="button"
          class="button button--small button--quiet"
          aria-expanded={picking}
          aria-controls={dateId}
          onClick={() => setPicking(!picking)}
        >
          Pick a date
        </button>
        <button type="button" class="button button--small button--quiet" disabled={action.busy} onClick={() => void action.run(() => onDismiss(ruleId, factsKey))}>
          Dismiss
        </button>
      </div>
      {picking && (
        <label class="suggestion__date" onKeyDown={closeOnEscape(() => setPicking(false), datePicker)}>
          Snooze until
          <input
            id={dateId}
            class="input"
            type="date"
            min={isoDate(now + DAY_MS)}
            disabled={action.busy}
            onChange={(event) => {
              const until = dayToTime(event.currentTarget.value);
              if (until !== null && until > now) snooze(until);
            }}
          />
        </label>
      )}
      {remind && (
        <RemindMe
          reminder={remind.byRule.get(ruleId) ?? null}
          now={now}
          locale={locale}
          subject={`next action: ${suggestion.title}`}
          onSet={(dueAt) => remind.onSet(ruleId, suggestion.title, dueAt)}
          onClear={remind.onClear}
        />
      )}
      {action.error && (
        <p class="error-text" role="alert">
          {action.error}
        </p>
      )}
    </div>
  );
}

function Rhythm({ card, now, locale }: { card: InsightCard; now: number; locale?: string }) {
  const { figures } = card;
  const parts: string[] = [];
  if (figures.medianIntervalDays !== null) parts.push(`Usually orders every ${Math.round(figures.medianIntervalDays)} days`);
  if (figures.expectedNextOrderAt !== null) {
    parts.push(`${figures.expectedNextOrderAt < now ? 'next order was expected' : 'next order expected'} ${formatDate(figures.expectedNextOrderAt, locale)}`);
  }
  if (figures.daysSinceLastTouch !== null) parts.push(`last contact ${formatRelativeDays(now - figures.daysSinceLastTouch * DAY_MS, now, locale)}`);
  const revenue = figures.revenue12m.map((m) => formatMoney(m.minor, m.currency, locale)).join(' + ');
  parts.push(revenue ? `12-month revenue ${revenue}` : 'no revenue in the last 12 months');
  return <p class="insight-rhythm">{parts.join(' · ')}.</p>;
}

function Explain({ card }: { card: InsightCard }) {
  const { explanation } = card;
  return (
    <details class="explain">
      <summary>Explain</summary>
      <h4 class="explain__title">Tier</h4>
      {explanation.tier.map((s) => (
        <p key={s}>{s}</p>
      ))}
      <h4 class="explain__title">Group</h4>
      {explanation.rfm.map((s) => (
        <p key={s}>{s}</p>
      ))}
      <h4 class="explain__title">Stage</h4>
      {explanation.stage.map((s) => (
        <p key={s}>{s}</p>
      ))}
      {explanation.suggestions.map((s) => (
        <div key={s.ruleId}>
          <h4 class="explain__title">{card.suggestions.find((x) => x.ruleId === s.ruleId)?.title ?? s.ruleId}</h4>
          {s.sentences.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
        </div>
      ))}
    </details>
  );
}

/** "Next action": the one thing worth doing for this relationship, why, and Done / Snooze / Dismiss. */
export function NextAction({ state, now, locale, remind, ...callbacks }: NextActionProps) {
  const titleId = useId();
  if (state.kind === 'none') return null;
  let body;
  if (state.kind === 'loading') {
    body = (
      <p class="muted" role="status">
        Working out the next step…
      </p>
    );
  } else if (state.kind === 'error') {
    body = (
      <p class="error-text" role="alert">
        {state.message}
      </p>
    );
  } else {
    const [top, ...others] = state.card.suggestions;
    body = (
      <>
        {top ? (
          // Keyed by rule and facts so a new suggestion never inherits the last one's busy state.
          <SuggestionItem key={`${top.ruleId}|${top.factsKey}`} suggestion={top} now={now} locale={locale} top remind={remind} {...callbacks} />
        ) : (
          <p class="muted">Nothing to do for this relationship right now.</p>
        )}
        {others.length > 0 && (
          <details class="alternatives">
            <summary>Other suggestions ({others.length})</summary>
            {others.map((s) => (
              <SuggestionItem key={`${s.ruleId}|${s.factsKey}`} suggestion={s} now={now} locale={locale} top={false} remind={remind} {...callbacks} />
            ))}
          </details>
        )}
        <Rhythm card={state.card} now={now} locale={locale} />
        <Explain card={state.card} />
      </>
    );
  }
  return (
    <section class="section next-action" aria-labelledby={titleId} aria-busy={state.kind === 'loading'}>
      <h3 id={titleId} class="section__title">
        Next action
      </h3>
      {body}
    </section>
  );
}
