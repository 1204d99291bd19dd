// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dashboard, type DashboardProps } from '../../../components/manager/dashboard/dashboard';
import { buildBook } from '../../../lib/insights/dashboard/book';
import { computeDashboard } from '../../../lib/insights/dashboard/dashboard';
import { DEFAULT_FILTERS } from '../../../lib/insights/dashboard/filters';
import { parseRoute } from '../../../lib/manager/route';
import { DEFAULT_SETTINGS, recomputeAll, type CustomerFacts } from '../../../lib/insights/index';
import { createFacts, NOW } from '../../lib/insights/factories';
import { generateBook } from '../../lib/insights/generate';
import { click, get, mount } from '../helpers';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

function dataOf(all: CustomerFacts[]) {
  const insights = recomputeAll(all, DEFAULT_SETTINGS, NOW);
  return computeDashboard(buildBook(all, insights.customers, DEFAULT_SETTINGS, NOW), DEFAULT_FILTERS, NOW, { cadenceDays: DEFAULT_SETTINGS.cadenceDays, concentrationAlert: DEFAULT_SETTINGS.concentrationAlert });
}

function props(over: Partial<DashboardProps>): DashboardProps {
  return { state: { kind: 'loading' }, filters: DEFAULT_FILTERS, onFilters: vi.fn(), onCsv: vi.fn(), onPrint: vi.fn(), onRetry: vi.fn(), ...over };
}

const part = (container: HTMLElement, id: string) => get(container, `[data-part="dash-${id}"]`);

describe('Dashboard', () => {
  it('on a shop with three customers says what each chart needs instead of drawing it', () => {
    const data = dataOf([createFacts({ orders: [[10, 50_000]] }), createFacts({ orders: [[20, 30_000]] }), createFacts({ orders: [[30, 20_000]] })]);
    view = mount(<Dashboard {...props({ state: { kind: 'ready', data, refreshing: false } })} />);
    const concentration = part(view.container, 'concentration');
    expect(concentration.querySelector('.chart__needs')?.textContent).toBe('The curve needs at least 10 customers who paid in EUR in this period; 3 did.');
    expect(concentration.querySelector('svg')).toBeNull();
    // The top share is still told, with the concentration warning and its customer a click away.
    expect(concentration.querySelector('.chart__summary')?.textContent).toBe('The biggest customer brings 50 % of the EUR revenue, the top 3 100 %.');
    const biggest = concentration.querySelector<HTMLAnchorElement>('.dashboard__suggestion a');
    expect(parseRoute(new URL(biggest?.href ?? '', 'https://x/').hash).only?.segment).toEqual({ part: 'top', count: 1 });
    expect(part(view.container, 'rfm').querySelector('.chart__needs')).not.toBeNull();
    expect(part(view.container, 'rfm').querySelector('table.heat')).toBeNull();
  });

  it('with no orders at all says the revenue charts need orders, and still counts stages', () => {
    const data = dataOf([createFacts({ interactions: [['call', 3]] }), createFacts()]);
    view = mount(<Dashboard {...props({ state: { kind: 'ready', data, refreshing: false } })} />);
    expect(part(view.container, 'new-returning').querySelector('.chart__needs')?.textContent).toBe('It needs orders in this period: import your orders or add them to a customer.');
    expect(part(view.container, 'stages').querySelector('.chart__summary')?.textContent).toContain('2 prospect');
    expect(view.container.querySelector('.dashboard__summary')?.textContent).toContain('—');
  });

  it('on a generated book gives every chart a table of its numbers whose rows open their customers, and a CSV of them', () => {
    const data = dataOf(generateBook(300, 3_000, 3));
    const p = props({ state: { kind: 'ready', data, refreshing: false } });
    view = mount(<Dashboard {...p} />);
    const tiers = part(view.container, 'tiers');
    const links = [...tiers.querySelectorAll<HTMLAnchorElement>('.chart__numbers tbody th a')];
    expect(links.map((a) => a.textContent)).toEqual(data.tiers.rows.map((r) => (r.tier === 'Prospect' ? 'Prospects' : `Tier ${r.tier}`)));
    expect(parseRoute(new URL(links[0]?.href ?? '', 'https://x/').hash)).toMatchObject({ view: 'customers', only: { filters: DEFAULT_FILTERS, segment: { part: 'tier', tier: 'A' } } });
    click(get(tiers, '.chart__csv') as HTMLButtonElement);
    expect(p.onCsv).toHaveBeenCalledWith(expect.objectContaining({ id: 'tiers', rows: expect.any(Array) }), 'EUR');
    click(get(view.container, '.dashboard__print') as HTMLButtonElement);
    expect(p.onPrint).toHaveBeenCalled();
  });

  it('says when the figures could not be computed, with a way to try again', () => {
    const p = props({ state: { kind: 'error', message: 'The dashboard could not be computed.' } });
    view = mount(<Dashboard {...p} />);
    expect(get(view.container, '[role="alert"]').textContent).toContain('The dashboard could not be computed.');
    click(get(view.container, '[role="alert"] button') as HTMLButtonElement);
    expect(p.onRetry).toHaveBeenCalled();
  });
});
