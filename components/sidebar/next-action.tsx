import { useId, useRef, useState } from 'preact/hooks';
import { doneKind } from '../../lib/insights/done';
import type { HeldSuggestion, InsightCard, InsightSuggestion } from '../../lib/messaging/protocol';
import { INTERACTION_LABELS } from '../interaction-kinds';
import type { Reminder } from '../../lib/model/records';
import type { InsightsState } from '../../lib/sidebar/insights-store';
import { closeOnEscape } from '../close-on-escape';
import { formatDate, formatRelativeDays, isoDate } from '../format';
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
  /** Takes back a Done (and what it logged), a Snooze or a Dismiss of these facts. */
  onUndo: (ruleId: InsightSuggestion['ruleId'], factsKey: string) => Promise<void>;
}

/** The last action taken on this card, named for the confirmation that offers Undo. */
interface LastAction {
  customerId: string;
  ruleId: InsightSuggestion['ruleId'];
  factsKey: string;
  text: string;
}

/** What the confirmation after an action says: "Logged: survey sent", "Snoozed until …", "Dismissed: …". */
export function actionTrace(action: 'done' | 'snoozed' | 'dismissed', suggestion: Pick<InsightSuggestion, 'ruleId' | 'title'>, until: number | null, locale?: string): string {
  if (action === 'snoozed') return `Snoozed until ${formatDate(until ?? 0, locale)}`;
  if (action === 'dismissed') return `Dismissed: ${suggestion.title}`;
  const kind = doneKind(suggestion.ruleId);
  return kind === 'other' ? `Logged: ${suggestion.title}` : `Logged: ${INTERACTION_LABELS[kind].toLowerCase()}`;
}

/** A complaint is resolved, not dismissed: dismissing only hides the suggestion. */
const COMPLAINT: InsightSuggestion['ruleId'] = 'resolve-complaint';

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

interface ItemActions {
  onDone: (suggestion: InsightSuggestion) => Promise<void>;
  onSnooze: (suggestion: InsightSuggestion, until: number) => Promise<void>;
  onDismiss: (suggestion: InsightSuggestion) => Promise<void>;
}

function SuggestionItem({ suggestion, now, locale, top, remind, onDone, onSnooze, onDismiss }: ItemActions & { suggestion: InsightSuggestion; now: number; locale?: string; top: boolean; remind?: RuleReminders }) {
  const action = useAction();
  const [picking, setPicking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const datePicker = useRef<HTMLButtonElement>(null);
  const dateId = useId();
  const { ruleId } = suggestion;
  const complaint = ruleId === COMPLAINT;
  const snooze = (until: number) => void action.run(() => onSnooze(suggestion, until));
  const dismiss = () => void action.run(() => onDismiss(suggestion));
  return (
    <div class={`suggestion${top ? ' suggestion--top' : ''}`} data-rule={ruleId}>
      <p class="suggestion__title">{suggestion.title}</p>
      <p class="suggestion__reason">{suggestion.reason}</p>
      <p class="suggestion__meta">
        {CHANNEL_LABELS[suggestion.channel]} · <Due suggestion={suggestion} now={now} locale={locale} />
      </p>
      <div class="suggestion__actions" role="group" aria-label={`Actions for: ${suggestion.title}`}>
        <button type="button" class="button button--small button--primary" disabled={action.busy} onClick={() => void action.run(() => onDone(suggestion))}>
          {complaint ? 'Resolved' : 'Done'}
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
        <button
          type="button"
          class="button button--small button--quiet"
          disabled={action.busy}
          aria-expanded={complaint ? confirming : undefined}
          onClick={() => (complaint ? setConfirming(!confirming) : dismiss())}
        >
          Dismiss
        </button>
      </div>
      {complaint && confirming && (
        <div class="suggestion__confirm" role="group" aria-label="Dismiss the complaint's suggestion?">
          <p>The complaint stays open: dismissing only hides this suggestion. Resolved logs it as resolved.</p>
          <button type="button" class="button button--small" disabled={action.busy} onClick={dismiss}>
            Dismiss anyway
          </button>
          <button type="button" class="button button--small button--quiet" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      )}
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

/** The trace of the last action, with Undo: "Logged: survey sent · Undo". */
function UndoBar({ last, onUndo }: { last: LastAction; onUndo: () => Promise<void> }) {
  const action = useAction();
  return (
    <div class="undo-bar">
      <p role="status" class="undo-bar__text">
        {last.text}
      </p>
      <button type="button" class="button button--small button--link" disabled={action.busy} onClick={() => void action.run(onUndo)}>
        Undo
      </button>
      {action.error && (
        <p class="error-text" role="alert">
          {action.error}
        </p>
      )}
    </div>
  );
}

/** Snoozed and dismissed suggestions, behind "1 snoozed · show", each with Undo. */
function HeldList({ held, locale, onUndo }: { held: readonly HeldSuggestion[]; locale?: string; onUndo: NextActionCallbacks['onUndo'] }) {
  const action = useAction();
  if (held.length === 0) return null;
  const snoozed = held.filter((h) => h.kind === 'snoozed').length;
  const dismissed = held.length - snoozed;
  const counts = [snoozed > 0 ? `${snoozed} snoozed` : null, dismissed > 0 ? `${dismissed} dismissed` : null].filter(Boolean).join(' · ');
  return (
    <details class="held">
      <summary>
        {counts} · <span class="held__show">show</span>
      </summary>
      <ul class="held__list">
        {held.map((h) => (
          <li key={h.ruleId} class="held__item">
            <span>
              {h.title}
              <span class="muted"> · {h.kind === 'snoozed' && h.until !== null ? `snoozed until ${formatDate(h.until, locale)}` : 'dismissed'}</span>
            </span>
            <button type="button" class="button button--small button--link" disabled={action.busy} aria-label={`Undo: ${h.title}`} onClick={() => void action.run(() => onUndo(h.ruleId, h.factsKey))}>
              Undo
            </button>
          </li>
        ))}
      </ul>
      {action.error && (
        <p class="error-text" role="alert">
          {action.error}
        </p>
      )}
    </details>
  );
}

/** "5–7 weeks" from a span of days: one unit for both ends, rounded. */
function span(low: number, high: number): string {
  const unit = (low + high) / 2 < 14 ? { name: 'day', days: 1 } : (low + high) / 2 < 56 ? { name: 'week', days: 7 } : (low + high) / 2 < 730 ? { name: 'month', days: 30.44 } : { name: 'year', days: 365.25 };
  const a = Math.max(1, Math.round(low / unit.days));
  const b = Math.max(a, Math.round(high / unit.days));
  return a === b ? `${a} ${unit.name}${a === 1 ? '' : 's'}` : `${a}–${b} ${unit.name}s`;
}

/**
 * The buying model in one line: "Usually every 5–7 weeks · 78 % likely still buying · next order
 * expected Dec 10–24 · 12-month revenue €1,240."
 */
function Rhythm({ card, now, locale }: { card: InsightCard; now: number; locale?: string }) {
  const { figures, buying } = card;
  const parts: string[] = [];
  const day = (t: number) => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }).format(t);
  if (buying.seasonDay !== null) parts.push(`Buys around ${day(Date.UTC(2001, 0, 1) + buying.seasonDay * DAY_MS)} each year`);
  else if (buying.usualGapDays) parts.push(`Usually every ${span(buying.usualGapDays[0], buying.usualGapDays[1])}`);
  if (buying.pAlive !== null) parts.push(`${Math.round(buying.pAlive * 100)} % likely still buying`);
  if (buying.nextOrder && buying.pAlive !== null && buying.pAlive >= 0.2) {
    const { from, to } = buying.nextOrder;
    parts.push(`next order expected ${day(from) === day(to) ? day(from) : `${day(from)}–${day(to)}`}`);
  }
  if (figures.daysSinceLastTouch !== null) parts.push(`last contact ${formatRelativeDays(now - figures.daysSinceLastTouch * DAY_MS, now, locale)}`);
  // The revenue is in the key figures above: not repeated here.
  if (parts.length === 0) return null;
  return <p class="insight-rhythm">{parts.join(' · ')}.</p>;
}

/**
 * Explain: why this suggestion and this status, in sentences; the customer's group and how it
 * is computed sit behind "Details".
 */
function Explain({ card }: { card: InsightCard }) {
  const { explanation } = card;
  return (
    <details class="explain">
      <summary>Explain</summary>
      {explanation.suggestions.map((s) => (
        <div key={s.ruleId}>
          <h4 class="explain__title">{card.suggestions.find((x) => x.ruleId === s.ruleId)?.title ?? 'Suggestion'}</h4>
          {s.sentences.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
        </div>
      ))}
      <h4 class="explain__title">Buying</h4>
      {explanation.buying.map((s) => (
        <p key={s}>{s}</p>
      ))}
      <h4 class="explain__title">Status</h4>
      {[...explanation.tier, ...explanation.stage].map((s) => (
        <p key={s}>{s}</p>
      ))}
      {explanation.rfm.length > 0 && (
        <details class="explain__details">
          <summary>Details</summary>
          {explanation.rfm.map((s) => (
            <p key={s}>{s}</p>
          ))}
        </details>
      )}
    </details>
  );
}

/** "Next action": the one thing worth doing for this relationship, why, and Done / Snooze / Dismiss. */
export function NextAction({ state, now, locale, remind, onDone, onSnooze, onDismiss, onUndo }: NextActionProps) {
  const titleId = useId();
  const [last, setLast] = useState<LastAction | null>(null);
  const customerId = state.kind === 'ready' ? state.customerId : null;
  const acted = (suggestion: InsightSuggestion, text: string) => {
    if (customerId) setLast({ customerId, ruleId: suggestion.ruleId, factsKey: suggestion.factsKey, text });
  };
  const callbacks: ItemActions = {
    onDone: async (s) => {
      await onDone(s.ruleId);
      acted(s, actionTrace('done', s, null, locale));
    },
    onSnooze: async (s, until) => {
      await onSnooze(s.ruleId, s.factsKey, until);
      acted(s, actionTrace('snoozed', s, until, locale));
    },
    onDismiss: async (s) => {
      await onDismiss(s.ruleId, s.factsKey);
      acted(s, actionTrace('dismissed', s, null, locale));
    },
  };
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
        {last && last.customerId === state.customerId && (
          <UndoBar last={last} onUndo={() => onUndo(last.ruleId, last.factsKey).then(() => setLast(null))} />
        )}
        {others.length > 0 && (
          <details class="alternatives">
            <summary>Other suggestions ({others.length})</summary>
            {others.map((s) => (
              <SuggestionItem key={`${s.ruleId}|${s.factsKey}`} suggestion={s} now={now} locale={locale} top={false} remind={remind} {...callbacks} />
            ))}
          </details>
        )}
        <HeldList held={state.card.held} locale={locale} onUndo={onUndo} />
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
