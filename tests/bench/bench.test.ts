import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { summarize, verdictOf, type Figure } from '../../bench/figures';
import { benchData } from '../../bench/generate';
import { detectFormat } from '../../lib/import/formats';

const roots: string[] = [];
const freshRoot = () => {
  const root = mkdtempSync(join(tmpdir(), 'crm-bench-test-'));
  roots.push(root);
  return root;
};
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const rows = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });

describe('the bench data', () => {
  it('is the same on every run (fixed seed): two fresh copies are byte for byte equal', async () => {
    const one = await benchData('1k', freshRoot());
    const two = await benchData('1k', freshRoot());
    expect(readFileSync(two.customersFile).equals(readFileSync(one.customersFile))).toBe(true);
    expect(readFileSync(two.ordersFile).equals(readFileSync(one.ordersFile))).toBe(true);
    expect({ ...two, customersFile: '', ordersFile: '' }).toEqual({ ...one, customersFile: '', ordersFile: '' });
  });

  it('is a Shopify customers export and a Shopify orders export with about ten orders per customer', async () => {
    const data = await benchData('1k', freshRoot());
    const customers = rows(data.customersFile);
    const orders = rows(data.ordersFile);
    expect(detectFormat(customers.meta.fields ?? [])?.id).toBe('shopify-customers');
    expect(detectFormat(orders.meta.fields ?? [])?.id).toBe('shopify-orders');
    expect(customers.data).toHaveLength(1_000);
    expect(data.customers).toBe(1_000);
    // One row per order (one line item each).
    expect(orders.data).toHaveLength(data.orders);
    expect(data.orders / data.customers).toBeGreaterThan(8);
    expect(data.orders / data.customers).toBeLessThan(12);
    const emails = new Set(customers.data.map((c) => c.Email));
    expect(emails.size).toBe(1_000);
    expect(emails.has(data.threadSender)).toBe(true);
    expect(orders.data.some((o) => o.Email === data.threadSender)).toBe(true);
    expect(data.probes.every((p) => emails.has(p))).toBe(true);
    // Interactions for about one customer in ten, each for a customer of the file.
    expect(data.interactions.length).toBeGreaterThan(0);
    expect(data.interactions.every((i) => emails.has(i.email))).toBe(true);
  });
});

describe('the bench verdicts', () => {
  const figure = (value: number, budget: number | null, budgetIsMinimum = false): Figure => ({ group: 5, name: 'x', value, unit: 'ms', budget, budgetIsMinimum });

  it('passes a figure at or under its budget, or at or over a minimum; none without a budget', () => {
    expect(verdictOf(figure(150, 150))).toBe('PASS');
    expect(verdictOf(figure(151, 150))).toBe('OVER');
    expect(verdictOf(figure(16_667, 16_667, true))).toBe('PASS');
    expect(verdictOf(figure(16_666, 16_667, true))).toBe('OVER');
    expect(verdictOf(figure(5, null))).toBe('');
    // A figure that could not be measured never passes.
    expect(verdictOf(figure(NaN, 150))).toBe('OVER');
  });

  it('gives the median and the nearest-rank p95', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(summarize(values)).toEqual({ median: 10, p95: 19, n: 20 });
  });
});
