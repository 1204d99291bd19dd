const formats = new Map<string, { format: Intl.NumberFormat; digits: number }>();

/** "€1,234.50": plain-words reasons need amounts a person reads at a glance. */
export function formatMoney(minor: number, currency: string): string {
  let entry = formats.get(currency);
  if (!entry) {
    const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    entry = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    formats.set(currency, entry);
  }
  return entry.format.format(minor / 10 ** entry.digits);
}
