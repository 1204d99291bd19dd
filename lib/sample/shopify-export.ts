import Papa from 'papaparse';
import type { SampleBusiness } from './business';

/**
 * The sample business as the two files a Shopify shop exports (Customers → Export and
 * Orders → Export, current column layout), so the sample goes through the same import path an
 * owner's real data does. Orders have one or two line items each, as real exports do.
 */

export const CUSTOMER_HEADERS = [
  'Customer ID', 'First Name', 'Last Name', 'Email', 'Accepts Email Marketing', 'Default Address Company', 'Default Address Address1',
  'Default Address Address2', 'Default Address City', 'Default Address Province Code', 'Default Address Country Code', 'Default Address Zip',
  'Default Address Phone', 'Phone', 'Accepts SMS Marketing', 'Total Spent', 'Total Orders', 'Note', 'Tax Exempt', 'Tags',
];

export const ORDER_HEADERS = [
  'Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing', 'Currency', 'Subtotal', 'Shipping',
  'Taxes', 'Total', 'Discount Code', 'Discount Amount', 'Shipping Method', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price',
  'Lineitem compare at price', 'Lineitem sku', 'Lineitem requires shipping', 'Lineitem taxable', 'Lineitem fulfillment status', 'Billing Name',
  'Billing Street', 'Billing Address1', 'Billing Address2', 'Billing Company', 'Billing City', 'Billing Zip', 'Billing Province', 'Billing Country',
  'Billing Phone', 'Shipping Name', 'Shipping Street', 'Shipping Address1', 'Shipping Address2', 'Shipping Company', 'Shipping City',
  'Shipping Zip', 'Shipping Province', 'Shipping Country', 'Shipping Phone', 'Notes', 'Note Attributes', 'Cancelled at', 'Payment Method',
  'Payment Reference', 'Refunded Amount', 'Vendor', 'Outstanding Balance', 'Employee', 'Location', 'Device ID', 'Id', 'Tags', 'Risk Level',
  'Source', 'Lineitem discount', 'Tax 1 Name', 'Tax 1 Value', 'Tax 2 Name', 'Tax 2 Value', 'Tax 3 Name', 'Tax 3 Value', 'Tax 4 Name',
  'Tax 4 Value', 'Tax 5 Name', 'Tax 5 Value', 'Phone', 'Receipt Number', 'Duties', 'Billing Province Name', 'Shipping Province Name',
  'Payment ID', 'Payment Terms Name', 'Next Payment Due At', 'Payment References',
];

const PRODUCTS = ['Oak side table', 'Linen cushion', 'Bistro chair', 'Bread basket', 'Ceramic vase', 'Wool throw', 'Floor lamp', 'Walnut shelf'];

const euros = (minor: number) => (minor / 100).toFixed(2);

/** `2026-03-04 09:15:00 +0000`, Shopify's timestamp layout. */
export function shopifyTime(at: number): string {
  return new Date(at).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000');
}

function splitName(name: string): [string, string] {
  const at = name.lastIndexOf(' ');
  return at < 0 ? [name, ''] : [name.slice(0, at), name.slice(at + 1)];
}

export function toShopifyExports(business: SampleBusiness): { customers: string; orders: string } {
  const companies = new Map(business.companies.map((c) => [c.id, c.name]));
  const byId = new Map(business.customers.map((c) => [c.id, c]));
  const sales = business.orders.filter((o) => o.total.minor >= 0);
  const refunds = business.orders.filter((o) => o.total.minor < 0);

  const customerRows = business.customers.map((c, i) => {
    const [first, last] = splitName(c.name);
    const own = sales.filter((o) => o.customerId === c.id);
    const row: Record<string, string> = {
      'Customer ID': `'${7_100_000_000_000 + i}`,
      'First Name': first,
      'Last Name': last,
      Email: c.emails[0] ?? '',
      'Accepts Email Marketing': 'yes',
      'Default Address Company': c.companyId === null ? '' : (companies.get(c.companyId) ?? ''),
      'Default Address Country Code': 'DE',
      Phone: c.phone === null ? '' : `'${c.phone}`,
      'Accepts SMS Marketing': 'no',
      'Total Spent': euros(own.reduce((n, o) => n + o.total.minor, 0)),
      'Total Orders': String(own.length),
      'Tax Exempt': 'no',
      Tags: c.tags.join(', '),
    };
    return CUSTOMER_HEADERS.map((h) => row[h] ?? '');
  });

  const orderRows: string[][] = [];
  sales.forEach((order, i) => {
    const customer = byId.get(order.customerId);
    if (!customer) return;
    const refund = refunds.find((r) => r.customerId === order.customerId && !sales.some((s) => s.customerId === order.customerId && s.orderedAt > order.orderedAt));
    const name = `#${order.number?.replace(/\D/g, '') ?? 1001 + i}`;
    const lines = order.total.minor > 20_000 ? 2 : 1;
    const first = Math.round(order.total.minor / lines);
    const company = customer.companyId === null ? '' : (companies.get(customer.companyId) ?? '');
    for (let line = 0; line < lines; line++) {
      const price = line === 0 ? first : order.total.minor - first;
      const row: Record<string, string> =
        line === 0
          ? {
              Name: name,
              Email: customer.emails[0] ?? '',
              'Financial Status': refund ? 'partially_refunded' : 'paid',
              'Paid at': shopifyTime(order.orderedAt),
              'Fulfillment Status': 'fulfilled',
              'Accepts Marketing': 'yes',
              Currency: order.total.currency,
              Subtotal: euros(order.total.minor),
              Shipping: '0.00',
              Taxes: '0.00',
              Total: euros(order.total.minor),
              'Discount Amount': '0.00',
              'Created at': shopifyTime(order.orderedAt),
              'Billing Name': customer.name,
              'Billing Company': company,
              'Refunded Amount': refund ? euros(-refund.total.minor) : '0.00',
              Id: String(6_800_000_000_000 + i),
              'Risk Level': 'Low',
              Source: 'web',
            }
          : { Name: name, Email: customer.emails[0] ?? '', 'Created at': shopifyTime(order.orderedAt) };
      Object.assign(row, {
        'Lineitem quantity': '1',
        'Lineitem name': PRODUCTS[(i + line) % PRODUCTS.length] ?? '',
        'Lineitem price': euros(price),
        'Lineitem requires shipping': 'true',
        'Lineitem taxable': 'true',
        'Lineitem fulfillment status': 'fulfilled',
        'Lineitem discount': '0.00',
      });
      orderRows.push(ORDER_HEADERS.map((h) => row[h] ?? ''));
    }
  });

  return {
    customers: Papa.unparse({ fields: CUSTOMER_HEADERS, data: customerRows }),
    orders: Papa.unparse({ fields: ORDER_HEADERS, data: orderRows }),
  };
}
