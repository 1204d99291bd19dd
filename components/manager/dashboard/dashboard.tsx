import type { DashboardData } from '../../../lib/insights/dashboard/dashboard';
import type { DashboardFilters } from '../../../lib/insights/dashboard/filters';
import { dashboardTables, GROUP_NAMES, KIND_NAMES, STAGE_NAMES, type Table } from '../../../lib/insights/dashboard/tables';
import type { DashboardState } from '../../../lib/manager/dashboard-store';
import { selectionHref } from '../../../lib/manager/route';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { ChartFrame, count, customers, percent } from './chart-frame';
import { DashboardFilterBar } from './dashboard-filters';
import { CohortTable, RfmGrid } from './heat-tables';
import { PlotFigure } from './plot-figure';
import { activityPlot, newReturningPlot, overduePlot, paretoPlot, stagesPlot, tiersPlot } from './plots';
import './dashboard.css';

export interface DashboardProps {
  state: DashboardState;
  filters: DashboardFilters;
  onFilters(patch: Partial<DashboardFilters>): void;
  onCsv(table: Table, currency: string | null): void;
  onPrint(): void;
  onRetry(): void;
}

/** The owner's view of the business's relationships: five parts, each clickable through to its customers. */
export function Dashboard(props: DashboardProps) {
  const { state } = props;
  const data = state.kind === 'ready' ? state.data : null;
  return (
    <section class="dashboard" aria-labelledby="dashboard-title" aria-busy={state.kind === 'loading' || (state.kind === 'ready' && state.refreshing)}>
      <div class="dashboard__top">
        <h2 id="dashboard-title">Dashboard</h2>
        {data && (
          <p class="hint dashboard__asof">
            {data.period.label} ({data.period.from} – {data.period.to}) · figures as of {formatDateTime(data.builtAt)}
          </p>
        )}
      </div>
      <DashboardFilterBar filters={props.filters} data={data} onFilters={props.onFilters} onPrint={props.onPrint} />
      {state.kind === 'loading' && <p role="status">Working out the figures…</p>}
      {state.kind === 'error' && (
        <p class="banner banner--error" role="alert">
          The dashboard could not be computed: {state.message}{' '}
          <button type="button" class="link" onClick={props.onRetry}>
            Try again
          </button>
        </p>
      )}
      {data && <Parts data={data} onCsv={props.onCsv} />}
    </section>
  );
}

function Parts({ data, onCsv }: { data: DashboardData; onCsv(table: Table, currency: string | null): void }) {
  const tables = dashboardTables(data);
  const cur = data.currency;
  const frame = (id: keyof typeof tables) => ({ id: `dash-${id}`, table: tables[id], filters: data.filters, currency: cur, onCsv: (t: Table) => onCsv(t, cur) });
  const money = (minor: number) => (cur === null ? '—' : formatMoney(minor, cur));
  const others = data.currencies.filter((c) => c.currency !== cur);
  const c = data.concentration;
  const href = (segment: Parameters<typeof selectionHref>[0]['segment'], label: string) => selectionHref({ filters: data.filters, segment, label });
  const returning = data.newReturning.months.reduce((s, m) => s + m.returningMinor, 0);
  const fresh = data.newReturning.months.reduce((s, m) => s + m.newMinor, 0);
  const overdue = data.overdue.rows.reduce((s, r) => s + r.overdue, 0);
  const interactions = Object.values(data.activity.kinds).reduce((s, n) => s + n, 0);
  const groupTotals = Object.entries(GROUP_NAMES).map(([g, name]) => [name, data.activity.buckets.reduce((s, b) => s + b.counts[g as keyof typeof GROUP_NAMES], 0)] as const);
  return (
    <>
      <ul class="dashboard__summary" aria-label="In this period">
        <li>
          <a href={href({ part: 'all' }, 'Every customer these filters let through')}>
            <strong>{count(data.summary.customers)}</strong> customers
          </a>
        </li>
        <li>
          <strong>{count(data.summary.buyers)}</strong> bought in the period
        </li>
        <li>
          <strong>{count(data.summary.orders)}</strong> orders
        </li>
        <li>
          <strong>{money(data.summary.revenueMinor)}</strong> revenue{cur ? ` in ${cur}` : ''}
        </li>
      </ul>
      {others.length > 0 && (
        <p class="hint dashboard__currencies">
          Amounts are in {cur}, never converted. Also in this period: {others.map((o) => `${formatMoney(o.minor, o.currency)} from ${count(o.customers)} customer${o.customers === 1 ? '' : 's'}`).join(', ')}: choose the currency above to see them.
        </p>
      )}

      <h3 class="dashboard__part">1. Concentration</h3>
      <div class="dashboard__grid">
        <ChartFrame
          {...frame('concentration')}
          title="Who brings the revenue"
          status={c.status}
          summary={
            c.at80 && c.top1Share !== null && c.top5Share !== null
              ? `${percent(c.at80.share)} of paying customers (${count(c.at80.customers)} of ${count(c.payers)}) bring 80 % of the ${cur} revenue; the biggest alone ${percent(c.top1Share)}, the top 5 ${percent(c.top5Share)}.`
              : c.top1Share !== null && c.top5Share !== null
                ? `The biggest customer brings ${percent(c.top1Share)} of the ${cur} revenue, the top ${Math.min(5, c.payers)} ${percent(c.top5Share)}.`
                : ''
          }
        >
          {c.curve.length > 0 && <PlotFigure data={data} label={`Pareto curve: cumulative share of ${cur} revenue against share of paying customers`} options={() => paretoPlot(data)} />}
          {(c.top1Flagged || c.top5Flagged) && c.top1Share !== null && c.top5Share !== null && (
            <p class="banner banner--warn dashboard__suggestion">
              {c.top1Flagged ? (
                <>
                  <a href={href({ part: 'top', count: 1 }, 'Your biggest customer')}>Your biggest customer</a> alone brings {percent(c.top1Share)} of this revenue.
                </>
              ) : (
                <>
                  <a href={href({ part: 'top', count: 5 }, 'Your 5 biggest customers')}>Your top {Math.min(5, c.payers)} customers</a> bring {percent(c.top5Share)} of this revenue.
                </>
              )}{' '}
              Losing one would hurt: keep them close and grow the others.
            </p>
          )}
        </ChartFrame>
      </div>

      <h3 class="dashboard__part">2. Tiers and RFM</h3>
      <div class="dashboard__grid">
        <ChartFrame
          {...frame('tiers')}
          title="Tiers A, B, C"
          status={data.tiers.status}
          summary={data.tiers.rows
            .filter((r) => r.tier !== 'Prospect')
            .map((r) => `Tier ${r.tier}: ${customers(r.customers)}${r.share === null ? '' : `, ${percent(r.share)} of revenue`}`)
            .join('; ')}
        >
          {data.tiers.status.kind === 'ok' && <PlotFigure data={data} label="Share of customers and of revenue per tier" options={() => tiersPlot(data)} />}
        </ChartFrame>
        <ChartFrame
          {...frame('rfm')}
          title="RFM groups"
          status={data.rfm.status}
          summary={`${customers(data.rfm.buyers)} who bought, ${count(data.rfm.prospects)} prospects (not in the grid).`}
        >
          {data.rfm.status.kind === 'ok' && <RfmGrid data={data} />}
        </ChartFrame>
      </div>

      <h3 class="dashboard__part">3. Life cycle and retention</h3>
      <div class="dashboard__grid">
        <ChartFrame {...frame('stages')} title="Customers by stage" status={data.stages.status} summary={data.stages.rows.map((r) => `${count(r.customers)} ${(STAGE_NAMES[r.stage] ?? r.stage).toLowerCase()}`).join(', ')}>
          {data.stages.status.kind === 'ok' && <PlotFigure data={data} label="Customers by life-cycle stage" options={() => stagesPlot(data)} />}
        </ChartFrame>
        <ChartFrame
          {...frame('repeat')}
          title="Repeat purchases"
          status={data.repeat.status}
          summary={data.repeat.rate === null ? '' : `${percent(data.repeat.rate)} of the ${customers(data.repeat.buyers)} who bought in the period have bought more than once.`}
        >
          {data.repeat.rate !== null && (
            <p class="dashboard__big">
              <a href={href({ part: 'repeat', repeat: true }, 'Bought more than once')}>{percent(data.repeat.rate)}</a>
              <span class="hint"> repeat-purchase rate</span>
            </p>
          )}
        </ChartFrame>
        <ChartFrame
          {...frame('cohorts')}
          title="Monthly cohorts"
          status={data.cohorts.status}
          summary={data.cohorts.average[1] === null ? '' : `On average ${percent(data.cohorts.average[1])} buy again a month or more after their first month, ${percent(data.cohorts.average[3])} after 3 months, ${percent(data.cohorts.average[6])} after 6, ${percent(data.cohorts.average[12])} after 12.`}
        >
          {data.cohorts.status.kind === 'ok' && <CohortTable data={data} />}
        </ChartFrame>
        <ChartFrame
          {...frame('new-returning')}
          title="New and returning revenue by month"
          status={data.newReturning.status}
          summary={cur === null || fresh + returning === 0 ? '' : `Returning customers brought ${money(returning)} (${percent(returning / (fresh + returning))}), new customers ${money(fresh)}.`}
        >
          {data.newReturning.status.kind === 'ok' && <PlotFigure data={data} label={`${cur} revenue by month from new and from returning customers`} options={() => newReturningPlot(data)} />}
        </ChartFrame>
      </div>

      <h3 class="dashboard__part">4. What is at stake</h3>
      <div class="dashboard__grid">
        <ChartFrame
          {...frame('overdue')}
          title="Keep-in-touch overdue"
          status={data.overdue.status}
          summary={`Keep-in-touch overdue for ${customers(overdue)}: ${data.overdue.rows.map((r) => `${r.tier === 'Prospect' ? 'prospects' : r.tier} ${count(r.overdue)}`).join(', ')}.`}
        >
          {data.overdue.status.kind === 'ok' && <PlotFigure data={data} label="Customers overdue for keep-in-touch, by tier" options={() => overduePlot(data)} />}
        </ChartFrame>
      </div>

      <h3 class="dashboard__part">5. Activity</h3>
      <div class="dashboard__grid">
        <ChartFrame
          {...frame('activity')}
          title={`Interactions per ${data.activity.unit}`}
          status={data.activity.status}
          summary={interactions === 0 ? '' : `${count(interactions)} interactions logged: ${groupTotals.map(([name, n]) => `${count(n)} ${name.toLowerCase()}`).join(', ')}.`}
        >
          {data.activity.status.kind === 'ok' && <PlotFigure data={data} label={`Interactions logged per ${data.activity.unit}, by kind`} options={() => activityPlot(data)} />}
        </ChartFrame>
        <ChartFrame
          {...frame('service')}
          title="Surveys, feedback and complaints"
          status={{ kind: 'ok' }}
          numbersShown
          summary={`${count(data.activity.kinds.survey_sent)} ${KIND_NAMES.survey_sent.toLowerCase()}, ${count(data.activity.kinds.feedback_positive)} positive and ${count(data.activity.kinds.feedback_negative)} negative feedback; ${count(data.activity.kinds.complaint_opened)} complaints opened, ${count(data.activity.kinds.complaint_resolved)} resolved, ${count(data.activity.complaintsOpen)} open now.`}
        />
      </div>
    </>
  );
}
