/** A measured figure, its budget and the verdict; shared by every bench/measure-*.ts. */

export interface Figure {
  /** Which of the measurements (1–7) this belongs to. */
  group: number;
  name: string;
  value: number;
  unit: string;
  /** Over budget when `value` is above it (below it, for `budgetIsMinimum`); null: no budget. */
  budget: number | null;
  budgetIsMinimum?: boolean;
  detail?: string;
}

export type Verdict = 'PASS' | 'OVER' | '';

export function verdictOf(figure: Figure): Verdict {
  if (figure.budget === null || !Number.isFinite(figure.value)) return figure.budget === null ? '' : 'OVER';
  const within = figure.budgetIsMinimum ? figure.value >= figure.budget : figure.value <= figure.budget;
  return within ? 'PASS' : 'OVER';
}

/** The q-quantile by the nearest-rank method (p95 of 20 samples is the 19th smallest). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

export interface Summary {
  median: number;
  p95: number;
  n: number;
}

export function summarize(values: readonly number[]): Summary {
  return { median: quantile(values, 0.5), p95: quantile(values, 0.95), n: values.length };
}

export const round = (value: number, digits = 1) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
