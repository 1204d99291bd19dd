import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { countOf } from '../../lib/format';
import { recomputeAll, type CustomerFacts } from '../../lib/insights/index';
import type { Customer, Interaction } from '../../lib/model/records';
import type { OrderFact } from '../../lib/insights/types';
import { toBusinessSettings } from '../../lib/settings/schema';
import type { Settings } from '../../lib/settings/schema';
import { reference } from '../lib/insights/dashboard/reference';
import { browserAvailable, launchExtension, sendFromPage, type ExtensionSession } from './harness';

const run = browserAvailable();

type Reply<T> = { ok: true; data: T } | { ok: false; error: unknown };

async function ask<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = (await sendFromPage(page, type, payload)) as Reply<T>;
  if (!reply.ok) throw new Error(`${type}: ${JSON.stringify(reply.error)}`);
  return reply.data;
}

/** Every live row of a table, page by page, as a backup reads them. */
async function rows<T>(page: Page, table: string): Promise<T[]> {
  const all: T[] = [];
  let after: string | null = null;
  for (;;) {
    const got: { rows: T[]; last: string | null } = await ask(page, 'backup.page', { table, after, limit: 5000 });
    all.push(...got.rows);
    if (got.last === null || got.rows.length === 0) return all;
    after = got.last;
  }
}

/** The stored rows as the engine's facts per customer: the independent side's input. */
async function factsOf(page: Page): Promise<CustomerFacts[]> {
  const customers = (await rows<Customer>(page, 'customers')).filter((c) => c.deletedAt === null);
  const orders = await rows<OrderFact & { customerId: string }>(page, 'orders');
  const interactions = await rows<Interaction>(page, 'interactions');
  const byId = new Map<string, CustomerFacts>(customers.map((customer) => [customer.id, { customer, orders: [], interactions: [] }]));
  for (const o of orders) byId.get(o.customerId)?.orders.push(o);
  for (const i of interactions) byId.get(i.customerId)?.interactions.push(i);
  return [...byId.values()];
}

const pct = (share: number) => `${Math.round(share * 100)} %`;

describe.runIf(run)('the dashboard in real Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('opens on the sample business with figures an independent reading of its rows agrees with, and each part opens its customers', async () => {
    const page = await session.extensionPage('/options.html');
    await ask(page, 'sample.load', {});
    // The figures come from the full recompute the load schedules: the dashboard follows it.
    await page.reload();
    const dashboard = page.getByRole('region', { name: 'Dashboard' });
    const concentration = page.locator('[data-part="dash-concentration"] .chart__summary');
    await expect.poll(() => concentration.textContent({ timeout: 500 }).catch(() => ''), { timeout: 30_000 }).toMatch(/bring 80 %/);
    expect(new URL(page.url()).hash).toBe('');
    expect(await dashboard.getByRole('heading', { level: 2 }).textContent()).toBe('Dashboard');

    const data = await ask<{ builtAt: number; now: number; currency: string; summary: { revenueMinor: number } }>(page, 'dashboard.data', { filters: {} });
    const settings = toBusinessSettings(await ask<Settings>(page, 'settings.get', {}));
    const all = await factsOf(page);
    const insights = recomputeAll(all, settings, data.builtAt);
    const ref = reference(all, insights, { now: data.now, timeZone: settings.businessHours.timeZone, currency: data.currency, cadenceDays: settings.cadenceDays });

    // What the page says, against the independent reading.
    expect(ref.payers).toBeGreaterThan(10);
    expect(data.summary.revenueMinor).toBe(ref.revenue);
    const summary = await concentration.textContent();
    expect(summary).toContain(`(${ref.at80} of ${ref.payers})`);
    expect(summary).toContain(`the biggest alone ${pct(ref.top1Share ?? 0)}, the top 5 ${pct(ref.top5Share ?? 0)}`);
    const repeat = await page.locator('[data-part="dash-repeat"] .chart__summary').textContent();
    expect(repeat).toContain(`${pct(ref.repeaters / ref.buyers)} of the ${countOf(ref.buyers, 'customer', 'customers')} who bought in the period`);
    const tierA = ref.tiers.A?.customers ?? 0;
    expect(await page.locator('[data-part="dash-tiers"] .chart__summary').textContent()).toContain(`Tier A: ${countOf(tierA, 'customer', 'customers')}`);
    // The charts are drawn, and their marks are links reached by keyboard.
    expect(await page.locator('[data-part="dash-concentration"] svg').count()).toBe(1);
    expect(await page.locator('[data-part="dash-tiers"] svg a').count()).toBeGreaterThan(0);

    // For the README (copied from the build's folder by hand, so a test run leaves the tree clean).
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: '.output/screenshots/dashboard.png' });

    // A part opens the customer list narrowed to exactly its customers.
    await page.locator('[data-part="dash-tiers"] details summary').click();
    await page.locator('[data-part="dash-tiers"] table').getByRole('link', { name: 'Tier A', exact: true }).click();
    await expect.poll(() => page.locator('.filters__count').textContent({ timeout: 500 }).catch(() => ''), { timeout: 10_000 }).toBe(countOf(tierA, 'customer', 'customers'));
    expect(await page.locator('.narrowed').textContent()).toContain('From the dashboard: Tier A customers');
    await page.goBack();
    await expect.poll(() => dashboard.count()).toBe(1);
    await page.close();
  });
});
