import { emailKey, type ImportOptions } from '../drafts';
import { guardRow, reject, type Columns, type ImportFormat, type ImportSink } from '../format';
import { cell, parseAmount, parseEmails, parseTime } from '../values';

interface PendingOrder {
  name: string;
  row: number;
  values: readonly string[];
}

/**
 * Shopify admin → Orders → Export: one row per line item, so an order spans several rows that
 * share its `Name` (#1050). The first row carries the order (total, currency, status, dates);
 * continuation rows carry only line-item columns, and the model keeps no line items. Rows of one
 * order are consecutive in Shopify's export, so an order is written as soon as the next begins.
 *
 * Shopify's Transporter import template (same `Name` grouping, no `Total`) reads the same way,
 * its total being the sum of its line items, taxes and shipping less the discount.
 */
export const shopifyOrders: ImportFormat = {
  id: 'shopify-orders',
  label: 'Shopify orders',
  hasCurrency: true,
  matches: (c) => c.has('Name', 'Email', 'Financial Status', 'Lineitem name') && (c.has('Created at') || c.has('Processed At')),
  create: (c, options, sink) => createMapper(c, options, sink),
};

function createMapper(c: Columns, options: ImportOptions, sink: ImportSink) {
  const name = c.reader('Name');
  const email = c.reader('Email');
  const financial = c.reader('Financial Status');
  const currencyOf = c.reader('Currency');
  const total = c.reader('Total');
  const created = c.reader('Created at', 'Processed At');
  const cancelled = c.reader('Cancelled at');
  const refunded = c.reader('Refunded Amount');
  const id = c.reader('Id');
  const billingName = c.reader('Billing Name', 'Shipping Name');
  const qty = c.reader('Lineitem quantity');
  const price = c.reader('Lineitem price');
  const discount = c.reader('Discount Amount', 'Discount amount');
  const shippingLine = c.reader('Shipping line price', 'Shipping');
  const taxes = [c.reader('Tax 1 Price'), c.reader('Tax 2 Price'), c.reader('Tax 3 Price')];
  const hasTotal = c.has('Total');

  let pending: PendingOrder | null = null;
  let lineTotal = 0;
  const seenCustomers = new Set<string>();

  function flush(order: PendingOrder) {
    const { values, row } = order;
    guardRow(sink, values, row, () => {
      const [address] = parseEmails(email(values));
      if (address === undefined) reject(`Order ${order.name} has no email address.`);
      const currency = cell(currencyOf(values)).toUpperCase() || options.currency;
      const orderedAt = parseTime(created(values));
      if (orderedAt === null) reject(`Order ${order.name} has no date.`);
      const amount = hasTotal ? parseAmount(total(values), currency) : lineTotal - (parseAmount(discount(values), currency) ?? 0);
      if (amount === null) reject(`Order ${order.name} has no total.`);
      const key = emailKey(address);
      if (!seenCustomers.has(key)) {
        seenCustomers.add(key);
        sink.customer({
          key,
          emails: [address],
          name: cell(billingName(values)).slice(0, 200),
          phone: null,
          companyName: null,
          tags: [],
          birthday: null,
          note: null,
          source: 'shopify',
          externalId: null,
        });
      }
      const externalId = (cell(id(values)) || order.name).slice(0, 100);
      const isCancelled = cell(cancelled(values)) !== '';
      sink.order({
        customerKey: key,
        source: 'shopify',
        externalId,
        number: order.name.slice(0, 60),
        orderedAt,
        total: { currency, minor: amount },
        status: isCancelled ? 'cancelled' : cell(financial(values)).slice(0, 40) || null,
      });
      const refund = parseAmount(refunded(values), currency);
      // A refund is its own negative row so revenue nets out (lib/db/stats.ts).
      if (refund !== null && refund !== 0 && !isCancelled) {
        sink.order({
          customerKey: key,
          source: 'shopify',
          externalId: `${externalId}:refund`.slice(0, 100),
          number: order.name.slice(0, 60),
          orderedAt,
          total: { currency, minor: -Math.abs(refund) },
          status: 'refund',
        });
      }
    });
  }

  function addLine(values: readonly string[], currency: string) {
    if (hasTotal) return;
    const quantity = Number(cell(qty(values)) || '0');
    const unit = parseAmount(price(values), currency) ?? 0;
    lineTotal += Math.round(quantity * unit);
    for (const tax of [...taxes, shippingLine]) lineTotal += parseAmount(tax(values), currency) ?? 0;
  }

  return {
    row(values: readonly string[], row: number) {
      const orderName = cell(name(values));
      if (orderName === '') {
        sink.bad({ row, reason: 'No order name (the Name column is empty).', values: [...values] });
        return;
      }
      if (pending !== null && pending.name === orderName) {
        guardRow(sink, values, row, () => addLine(values, cell(currencyOf(pending?.values ?? [])) || options.currency));
        return;
      }
      if (pending !== null) flush(pending);
      pending = { name: orderName, row, values };
      lineTotal = 0;
      guardRow(sink, values, row, () => addLine(values, cell(currencyOf(values)) || options.currency));
    },
    end() {
      if (pending !== null) flush(pending);
      pending = null;
    },
  };
}
