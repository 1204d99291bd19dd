import type { Loadable } from '../../lib/loadable';
import type { TodayEntry } from '../../lib/messaging/protocol';
import type { TodayPlan as Plan } from '../../lib/plan/store';
import { TodayPlan } from '../plan/today-plan';
import { useAction } from '../sidebar/use-action';

export interface TodayPanelProps {
  state: Loadable<Plan>;
  onOpen: (entry: TodayEntry) => void;
  onMore: () => void;
  /** Downloads the win-back campaign list as CSV; rejects with the reason to show. */
  onExportCampaign: () => Promise<void>;
}

/** The manager's Today: the same plan as the popup, and the win-back campaign list to export. */
export function TodayPanel({ state, onOpen, onMore, onExportCampaign }: TodayPanelProps) {
  const exporting = useAction();
  const campaign = state.kind === 'ready' ? state.value.campaign : 0;
  return (
    <div class="today-panel">
      <TodayPlan state={state} onOpen={onOpen} onMore={onMore} />
      <section class="today-panel__campaign" aria-label="Win-back campaign">
        <h2>Win-back campaign</h2>
        <p class="muted">
          Customers who bought once, more than a year ago, and never again: too many to call one by one, worth one campaign
          (those who asked not to be contacted or opted out of marketing on every channel are left out). {campaign} now.
        </p>
        <button type="button" disabled={exporting.busy || campaign === 0} onClick={() => void exporting.run(onExportCampaign)}>
          {exporting.busy ? 'Exporting…' : 'Export the campaign list (CSV)'}
        </button>
        {exporting.error && (
          <p class="banner banner--error" role="alert">
            {exporting.error}
          </p>
        )}
      </section>
    </div>
  );
}
