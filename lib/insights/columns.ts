import { medianOfColumn, type CustomerFigures } from './figures';

/**
 * The figures the business-wide steps (Pareto tiers, RFM scores, the business's usual
 * interval, concentration) read of every customer: one typed array per figure, in the order
 * of the customers, `NaN` where the figure is null. Those steps filter, sort and walk every
 * customer several times; at 100,000 customers, reading scattered figures objects each time
 * is mostly waiting for memory, reading a few packed arrays is not. recomputeAll fills them
 * while each customer's figures are fresh; columnsOf builds them for a list of figures.
 */
export type FigureColumns = {
  readonly orderCount: Float64Array;
  readonly lastOrderAt: Float64Array;
  readonly rankedRevenue12mMinor: Float64Array;
  readonly rankedLifetimeMinor: Float64Array;
  readonly medianIntervalDays: Float64Array;
};

export function emptyColumns(count: number): FigureColumns {
  return {
    orderCount: new Float64Array(count),
    lastOrderAt: new Float64Array(count),
    rankedRevenue12mMinor: new Float64Array(count),
    rankedLifetimeMinor: new Float64Array(count),
    medianIntervalDays: new Float64Array(count),
  };
}

export function setColumns(columns: FigureColumns, index: number, f: CustomerFigures): void {
  columns.orderCount[index] = f.orderCount;
  columns.lastOrderAt[index] = f.lastOrderAt ?? Number.NaN;
  columns.rankedRevenue12mMinor[index] = f.rankedRevenue12mMinor;
  columns.rankedLifetimeMinor[index] = f.rankedLifetimeMinor;
  columns.medianIntervalDays[index] = f.medianIntervalDays ?? Number.NaN;
}

/** The same columns with room for `count` customers (the figures so far copied over). */
export function widerColumns(columns: FigureColumns, count: number): FigureColumns {
  const wider = emptyColumns(count);
  for (const key of COLUMN_KEYS) wider[key].set(columns[key]);
  return wider;
}

/** The first `count` customers' figures: views, not copies. */
export function columnsUpTo(columns: FigureColumns, count: number): FigureColumns {
  return {
    orderCount: columns.orderCount.subarray(0, count),
    lastOrderAt: columns.lastOrderAt.subarray(0, count),
    rankedRevenue12mMinor: columns.rankedRevenue12mMinor.subarray(0, count),
    rankedLifetimeMinor: columns.rankedLifetimeMinor.subarray(0, count),
    medianIntervalDays: columns.medianIntervalDays.subarray(0, count),
  };
}

const COLUMN_KEYS = ['orderCount', 'lastOrderAt', 'rankedRevenue12mMinor', 'rankedLifetimeMinor', 'medianIntervalDays'] as const;

export function columnsOf(figures: readonly CustomerFigures[]): FigureColumns {
  const columns = emptyColumns(figures.length);
  figures.forEach((f, i) => setColumns(columns, i, f));
  return columns;
}

/** businessMedianIntervalDays (./figures.ts) from the figures' columns, where null is NaN. */
export function businessMedianOfColumns(columns: FigureColumns): number | null {
  return medianOfColumn(columns.medianIntervalDays.filter((days) => !Number.isNaN(days)));
}
