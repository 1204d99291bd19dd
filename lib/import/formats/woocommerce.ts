import { customerKeyFor, emailKey, externalKey, type CustomerDraft } from '../drafts';
import { guardRow, reject, type ImportFormat } from '../format';
import { cell, currencyIn, joinName, parseAmount, parseEmails, parsePhone, parseTime } from '../values';

/**
 * WooCommerce has no CSV order export in core; these are the layouts real shops send (see
 * tests/fixtures/csv/SOURCES.md): the "Customer/Order CSV Export" extension's one-row-per-order
 * file, and the Analytics reports' Download (orders report without an address, customers report).
 */

export const woocommerceOrders: ImportFormat = {
  id: 'woocommerce-orders',
  label: 'WooCommerce orders',
  hasCurrency: false,
  matches: (c) => c.has('order_id', 'date', 'status', 'order_total', 'billing_email'),
  create(c, options, sink) {
    const id = c.reader('order_id');
    const number = c.reader('order_number_formatted', 'order_number');
    const date = c.reader('date');
    const status = c.reader('status');
    const total = c.reader('order_total');
    const currencyOf = c.reader('order_currency', 'currency');
    const email = c.reader('billing_email');
    const first = c.reader('billing_first_name');
    const last = c.reader('billing_last_name');
    const phone = c.reader('billing_phone');
    const company = c.reader('billing_company');
    const seen = new Set<string>();
    return {
      row(values, row) {
        guardRow(sink, values, row, () => {
          const orderId = cell(id(values));
          if (orderId === '') reject('No order_id.');
          const [address] = parseEmails(email(values));
          if (address === undefined) reject(`Order ${orderId} has no billing_email.`);
          const currency = cell(currencyOf(values)).toUpperCase() || options.currency;
          const minor = parseAmount(total(values), currency);
          if (minor === null) reject(`Order ${orderId} has no order_total.`);
          const orderedAt = parseTime(date(values));
          if (orderedAt === null) reject(`Order ${orderId} has no date.`);
          const key = emailKey(address);
          if (!seen.has(key)) {
            seen.add(key);
            sink.customer({
              key,
              emails: [address],
              name: joinName(first(values), last(values)),
              phone: parsePhone(phone(values)),
              companyName: cell(company(values)).slice(0, 200) || null,
              tags: [],
              birthday: null,
              note: null,
              source: 'woocommerce',
              externalId: null,
            });
          }
          sink.order({
            customerKey: key,
            source: 'woocommerce',
            externalId: orderId.slice(0, 100),
            number: (cell(number(values)) || orderId).slice(0, 60),
            orderedAt,
            total: { currency, minor },
            status: cell(status(values)).toLowerCase().slice(0, 40) || null,
          });
        });
      },
      end() {},
    };
  },
};

/**
 * Analytics → Orders → Download. It has no email column: customers are matched by their name
 * within WooCommerce imports (`ext:woocommerce:name:<name>`), so they show in the manager and
 * can be merged with the real person, but no email thread recognizes them until then.
 */
export const woocommerceAnalyticsOrders: ImportFormat = {
  id: 'woocommerce-analytics-orders',
  label: 'WooCommerce Analytics orders report',
  hasCurrency: false,
  matches: (c) => c.has('Date', 'Order #', 'Status', 'Customer', 'Net Sales'),
  create(c, options, sink) {
    const date = c.reader('Date');
    const number = c.reader('Order #');
    const revenue = c.reader('N. Revenue (formatted)', 'Net Sales');
    const status = c.reader('Status');
    const customer = c.reader('Customer');
    const seen = new Set<string>();
    return {
      row(values, row) {
        guardRow(sink, values, row, () => {
          const orderNumber = cell(number(values));
          if (orderNumber === '') reject('No order number.');
          const name = cell(customer(values)).slice(0, 200);
          if (name === '') reject(`Order ${orderNumber} names no customer.`);
          const text = revenue(values);
          const currency = currencyIn(text) ?? options.currency;
          const minor = parseAmount(text, currency);
          if (minor === null) reject(`Order ${orderNumber} has no revenue.`);
          const orderedAt = parseTime(date(values));
          if (orderedAt === null) reject(`Order ${orderNumber} has no date.`);
          const externalId = `name:${name.toLowerCase()}`.slice(0, 100);
          const key = externalKey('woocommerce', externalId);
          if (!seen.has(key)) {
            seen.add(key);
            sink.customer({ key, emails: [], name, phone: null, companyName: null, tags: [], birthday: null, note: null, source: 'woocommerce', externalId });
          }
          sink.order({
            customerKey: key,
            source: 'woocommerce',
            externalId: orderNumber.slice(0, 100),
            number: orderNumber.slice(0, 60),
            orderedAt,
            total: { currency, minor },
            status: cell(status(values)).toLowerCase().slice(0, 40) || null,
          });
        });
      },
      end() {},
    };
  },
};

/** Analytics → Customers → Download: people with totals; the totals are recomputed from orders. */
export const woocommerceAnalyticsCustomers: ImportFormat = {
  id: 'woocommerce-analytics-customers',
  label: 'WooCommerce Analytics customers report',
  hasCurrency: false,
  matches: (c) => c.has('Name', 'Username', 'Email', 'Orders', 'Total Spend'),
  create(c, _options, sink) {
    const name = c.reader('Name');
    const email = c.reader('Email');
    return {
      row(values, row) {
        guardRow(sink, values, row, () => {
          const draft: Omit<CustomerDraft, 'key'> = {
            emails: parseEmails(email(values)),
            name: cell(name(values)).slice(0, 200),
            phone: null,
            companyName: null,
            tags: [],
            birthday: null,
            note: null,
            source: 'woocommerce',
            externalId: null,
          };
          const key = customerKeyFor(draft);
          if (key === null) reject('No email address.');
          sink.customer({ ...draft, key });
        });
      },
      end() {},
    };
  },
};
