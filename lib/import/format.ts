import type { BadRow, CustomerDraft, ImportOptions, OrderDraft } from './drafts';
import { CellError } from './values';

/** Where a format's row mapper puts what it made of each row. */
export interface ImportSink {
  customer(draft: CustomerDraft): void;
  order(draft: OrderDraft): void;
  bad(row: BadRow): void;
}

export interface RowMapper {
  /** One data row; `row` is its spreadsheet row number (header = 1). */
  row(values: readonly string[], row: number): void;
  /** No more rows: flush anything held back (an order whose line items may continue). */
  end(): void;
}

export const FORMAT_IDS = [
  'shopify-customers',
  'shopify-orders',
  'woocommerce-orders',
  'woocommerce-analytics-orders',
  'woocommerce-analytics-customers',
  'google-contacts',
  'generic',
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export interface ImportFormat {
  id: FormatId;
  label: string;
  /** Whether rows carry their own currency; otherwise ImportOptions.currency is used. */
  hasCurrency: boolean;
  matches(headers: Columns): boolean;
  create(headers: Columns, options: ImportOptions, sink: ImportSink): RowMapper;
}

/** Header lookup by name, case- and space-insensitive, as exports move columns around. */
export class Columns {
  private readonly index = new Map<string, number>();

  constructor(readonly names: readonly string[]) {
    names.forEach((name, i) => {
      const key = Columns.key(name);
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }

  static key(name: string): string {
    return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');
  }

  has(...names: string[]): boolean {
    return names.every((n) => this.index.has(Columns.key(n)));
  }

  at(name: string): number | null {
    return this.index.get(Columns.key(name)) ?? null;
  }

  /** A getter for one column; an absent column reads as empty. */
  reader(...candidates: string[]): (values: readonly string[]) => string {
    const i = candidates.map((c) => this.at(c)).find((x): x is number => x !== null);
    return i === undefined ? () => '' : (values) => values[i] ?? '';
  }

  /** Indexes of numbered column groups: `E-mail 1 - Value`, `E-mail 2 - Value`, … */
  numbered(pattern: RegExp): number[] {
    return this.names.flatMap((name, i) => (pattern.test(name.trim()) ? [i] : []));
  }
}

/** Runs a row's mapping, turning cell errors into a bad row with the reason. */
export function guardRow(sink: ImportSink, values: readonly string[], row: number, map: () => void): void {
  try {
    map();
  } catch (error) {
    if (!(error instanceof CellError)) throw error;
    sink.bad({ row, reason: error.message, values: [...values] });
  }
}

export function reject(reason: string): never {
  throw new CellError(reason);
}
