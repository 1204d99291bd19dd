import { useState } from 'preact/hooks';
import type { Loadable } from '../../lib/loadable';
import type { PlanGroup, TodayEntry } from '../../lib/messaging/protocol';
import type { TodayPlan as Plan } from '../../lib/plan/store';
import './today-plan.css';

/** The plan's groups in the order they show, with their headings. */
const GROUPS: readonly (readonly [PlanGroup, string])[] = [
  ['service', 'Service first'],
  ['keep', 'Keep customers'],
  ['grow', 'Grow'],
  ['personal', 'Personal touches'],
  ['prospects', 'Prospects'],
];

export interface TodayPlanProps {
  state: Loadable<Plan>;
  onOpen: (entry: TodayEntry) => void;
  onMore: () => void;
  /** Shows the win-back campaign list (the manager); without it the count is only mentioned. */
  onCampaign?: () => void;
  /** Shows only the first this many at first, the rest of the plan behind "Show N more" (the popup must fit its window). */
  few?: number;
}

const nameOf = (entry: TodayEntry) => entry.name.trim() || entry.email || 'Unnamed customer';

/**
 * "Today": the relationships that need the owner today, the most at stake first, a few at a time,
 * grouped by kind; the owner's own risk above them; the long-gone one-time buyers summed up as
 * a campaign. The popup and the manager show it alike.
 */
export function TodayPlan({ state, onOpen, onMore, onCampaign, few }: TodayPlanProps) {
  return (
    <section class="today-plan popup__plan" aria-labelledby="today-title">
      <h2 id="today-title" class="today-plan__heading">
        Today
      </h2>
      {state.kind === 'loading' && <p class="muted">Working out today's plan…</p>}
      {state.kind === 'error' && (
        <p class="error-text" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'ready' && <PlanBody plan={state.value} onOpen={onOpen} onMore={onMore} onCampaign={onCampaign} few={few} />}
    </section>
  );
}

function PlanBody({ plan, onOpen, onMore, onCampaign, few }: { plan: Plan } & Omit<TodayPlanProps, 'state'>) {
  const { items, total, owner, campaign } = plan;
  const [expanded, setExpanded] = useState(false);
  // The first `few` in the plan's order; the rest of what is loaded one click away.
  const folded = few !== undefined && !expanded && items.length > few;
  const shown = folded ? items.slice(0, few) : items;
  return (
    <>
      {owner && (
        <div class="today-plan__owner" role="note" aria-label="For your business">
          <p class="today-plan__owner-title">{owner.title}</p>
          <p class="muted">{owner.reason}</p>
          <ul>
            {owner.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        </div>
      )}
      {items.length === 0 && <p class="muted">Nothing needs you today.</p>}
      {GROUPS.map(([group, heading]) => {
        const entries = shown.filter((e) => e.group === group);
        if (entries.length === 0) return null;
        return (
          <div key={group} class="today-plan__group" data-group={group}>
            <h3 class="today-plan__group-title">{heading}</h3>
            <ol class="rows" aria-label={heading}>
              {entries.map((entry) => (
                <li key={entry.customerId} class={`row${entry.suggestion.overdue ? ' row--overdue' : ''}`}>
                  <button type="button" class="row__main" onClick={() => onOpen(entry)}>
                    <span class="row__name">{nameOf(entry)}</span>
                    <span class="row__meta">{entry.suggestion.title}</span>
                    <span class="row__meta muted">{entry.suggestion.reason}</span>
                  </button>
                  {entry.suggestion.overdue && <span class="badge badge--overdue">overdue</span>}
                </li>
              ))}
            </ol>
          </div>
        );
      })}
      {folded && (
        <button type="button" class="button button--small" onClick={() => setExpanded(true)}>
          Show {items.length - shown.length} more
        </button>
      )}
      {!folded && total > items.length && (
        <button type="button" class="button button--small" onClick={onMore}>
          Show more ({total - items.length} more due today)
        </button>
      )}
      {campaign > 0 && (
        <p class="muted today-plan__campaign">
          {campaign} long-gone one-time buyer{campaign === 1 ? ' is' : 's are'} in the win-back campaign list, not in the daily plan.{' '}
          {onCampaign && (
            <button type="button" class="button button--link" onClick={onCampaign}>
              Open the campaign list
            </button>
          )}
        </p>
      )}
    </>
  );
}
