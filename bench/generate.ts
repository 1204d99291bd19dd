import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { SAMPLE_PEOPLE } from '../lib/sample/business';
import { createRandom } from '../lib/sample/random';
import { CUSTOMER_HEADERS, ORDER_HEADERS, shopifyTime } from '../lib/sample/shopify-export';
import { INTERACTION_KINDS, type InteractionKind } from '../lib/model/records';

/**
 * The bench's business at scale, the same on every run (fixed seed): N customers with about ten
 * orders each, written as the two files a Shopify shop exports, so the data enters the database
 * the way an owner's does (the manager's import). One line item per order, so the orders file
 * has one row per order (100k customers → about 1,000,000 rows). Every fifth customer carries a
 * note (Shopify's Note column becomes a note); interactions are listed for one customer in ten
 * (at most about a thousand customers) and logged through the protocol after the import
 * (Shopify exports have none).
 */

/** The second known customer: the sender of the other thread the thread-switch figure alternates with. */
export const SECOND_SENDER = { name: 'Anna Schmidt', email: 'anna.schmidt@hofladen-schmidt.de', company: 'Hofladen Schmidt' };

export const SIZES = { '1k': 1_000, '10k': 10_000, '100k': 100_000 } as const;
export type SizeName = keyof typeof SIZES;
export const SEED = 20_261_127;
/** Bump when the generated files change shape, so cached files are made again. */
const VERSION = 2;

export interface PlannedInteraction {
  email: string;
  kind: InteractionKind;
  at: number;
  summary: string;
}

export interface BenchData {
  size: SizeName;
  customers: number;
  orders: number;
  customersFile: string;
  ordersFile: string;
  /** Addresses of customers spread over the whole set: what the lookups ask for. */
  probes: string[];
  interactions: PlannedInteraction[];
  /** The Gmail fixture's sender (thread-single.html), a customer with orders and a note. */
  threadSender: string;
  threadSenderName: string;
  /** Data "now": orders lie in the three years before it. */
  now: number;
}

const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Eva', 'Felix', 'Greta', 'Hannes', 'Ida', 'Jonas', 'Kira', 'Lukas', 'Mia', 'Noah', 'Olga', 'Paul', 'Rosa', 'Simon', 'Tara', 'Uwe'];
const LAST = ['Berger', 'Claussen', 'Dietrich', 'Engel', 'Fischer', 'Graf', 'Hansen', 'Iversen', 'Jung', 'Krause', 'Lorenz', 'Meyer', 'Nowak', 'Otto', 'Peters', 'Richter', 'Schulz', 'Thiel', 'Vogel', 'Wolff'];
const FREE_MAIL = ['gmail.com', 'gmx.de', 'web.de', 'outlook.com', 't-online.de'];
const PRODUCTS = ['Oak side table', 'Linen cushion', 'Bistro chair', 'Bread basket', 'Ceramic vase', 'Wool throw', 'Floor lamp', 'Walnut shelf'];
const DAY = 86_400_000;
/** A fixed "now" (2026-11-01) so the files do not change from day to day. */
const DATA_NOW = Date.UTC(2026, 10, 1);

const euros = (minor: number) => (minor / 100).toFixed(2);
const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const line = (headers: readonly string[], row: Record<string, string>) => headers.map((h) => cell(row[h] ?? '')).join(',');

/**
 * Writes (once per size, seed and version) and returns the bench's files, in the temp dir unless
 * `root` names another.
 */
export async function benchData(size: SizeName, root = join(tmpdir(), 'crm-bench-data')): Promise<BenchData> {
  const dir = join(root, `${size}-${SEED}-v${VERSION}`);
  const metaFile = join(dir, 'meta.json');
  if (existsSync(metaFile)) return JSON.parse(readFileSync(metaFile, 'utf8')) as BenchData;
  mkdirSync(dir, { recursive: true });
  const data = await generate(size, dir);
  // Written last: a run stopped halfway leaves no meta.json and the files are made again.
  writeFileSync(`${metaFile}.tmp`, JSON.stringify(data));
  renameSync(`${metaFile}.tmp`, metaFile);
  return data;
}

async function generate(size: SizeName, dir: string): Promise<BenchData> {
  const count = SIZES[size];
  const random = createRandom(SEED);
  const customersFile = join(dir, 'shopify-customers.csv');
  const ordersFile = join(dir, 'shopify-orders.csv');
  const customersOut = createWriteStream(customersFile);
  const ordersOut = createWriteStream(ordersFile);
  const write = async (out: NodeJS.WritableStream, text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(customersOut, `${CUSTOMER_HEADERS.map(cell).join(',')}\n`);
  await write(ordersOut, `${ORDER_HEADERS.map(cell).join(',')}\n`);

  const companies = Array.from({ length: Math.max(20, Math.round(count / 20)) }, (_, i) => ({
    name: `${LAST[i % LAST.length] ?? 'Nord'} ${['Möbel', 'Handel', 'Design', 'Hof', 'Werk'][i % 5] ?? 'GmbH'} ${i}`,
    domain: `firma${i}.example`,
  }));
  const known = [
    { name: SAMPLE_PEOPLE.maria.name, email: SAMPLE_PEOPLE.maria.email, company: SAMPLE_PEOPLE.maria.company },
    SECOND_SENDER,
  ];
  const probeEvery = Math.max(1, Math.floor(count / 200));
  // Each is a protocol message after the import; about a thousand customers get one or two.
  const interactionEvery = Math.max(10, Math.floor(count / 1000));
  const probes: string[] = [];
  const interactions: PlannedInteraction[] = [];
  let orderNumber = 0;
  let customerRows: string[] = [];
  let orderRows: string[] = [];

  for (let i = 0; i < count; i++) {
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    const company = random.next() < 0.3 ? random.pick(companies) : null;
    const fixed = known[i];
    const name = fixed?.name ?? `${first} ${last}`;
    const email = fixed?.email ?? `${first}.${last}.${i}@${company?.domain ?? random.pick(FREE_MAIL)}`.toLowerCase();
    const companyName = fixed?.company ?? company?.name ?? '';
    if (i % probeEvery === 0) probes.push(email);

    const orders = fixed ? 12 : random.int(5, 15);
    let spent = 0;
    let at = DATA_NOW - random.int(400, 1095) * DAY;
    for (let n = 0; n < orders; n++) {
      at = Math.min(DATA_NOW - DAY, at + random.int(10, 90) * DAY + random.int(0, DAY - 1));
      const total = random.int(15, 600) * 100 + random.int(0, 99);
      spent += total;
      orderNumber += 1;
      orderRows.push(
        line(ORDER_HEADERS, {
          Name: `#${1000 + orderNumber}`,
          Email: email,
          'Financial Status': 'paid',
          'Paid at': shopifyTime(at),
          'Fulfillment Status': 'fulfilled',
          'Accepts Marketing': 'yes',
          Currency: 'EUR',
          Subtotal: euros(total),
          Shipping: '0.00',
          Taxes: '0.00',
          Total: euros(total),
          'Discount Amount': '0.00',
          'Created at': shopifyTime(at),
          'Lineitem quantity': '1',
          'Lineitem name': random.pick(PRODUCTS),
          'Lineitem price': euros(total),
          'Lineitem requires shipping': 'true',
          'Lineitem taxable': 'true',
          'Lineitem fulfillment status': 'fulfilled',
          'Billing Name': name,
          'Billing Company': companyName,
          'Refunded Amount': '0.00',
          Id: String(6_800_000_000_000 + orderNumber),
          'Risk Level': 'Low',
          Source: 'web',
        }),
      );
    }
    const [firstName = name, ...rest] = name.split(' ');
    customerRows.push(
      line(CUSTOMER_HEADERS, {
        'Customer ID': `'${7_100_000_000_000 + i}`,
        'First Name': firstName,
        'Last Name': rest.join(' '),
        Email: email,
        'Accepts Email Marketing': 'yes',
        'Default Address Company': companyName,
        'Default Address Country Code': 'DE',
        'Accepts SMS Marketing': 'no',
        'Total Spent': euros(spent),
        'Total Orders': String(orders),
        Note: fixed || i % 5 === 0 ? `Prefers delivery before noon (customer ${i}).` : '',
        'Tax Exempt': 'no',
        Tags: i % 3 === 0 ? 'wholesale' : '',
      }),
    );
    if (fixed || i % interactionEvery === 0) {
      for (let k = random.int(1, 2); k > 0; k--) {
        interactions.push({ email, kind: random.pick(INTERACTION_KINDS), at: DATA_NOW - random.int(1, 300) * DAY, summary: `Talked about the next order (${i}).` });
      }
    }
    if (customerRows.length >= 2000) {
      await write(customersOut, `${customerRows.join('\n')}\n`);
      customerRows = [];
    }
    if (orderRows.length >= 10_000) {
      await write(ordersOut, `${orderRows.join('\n')}\n`);
      orderRows = [];
    }
  }
  await write(customersOut, customerRows.length > 0 ? `${customerRows.join('\n')}\n` : '');
  await write(ordersOut, orderRows.length > 0 ? `${orderRows.join('\n')}\n` : '');
  customersOut.end();
  ordersOut.end();
  await Promise.all([once(customersOut, 'finish'), once(ordersOut, 'finish')]);
  return { size, customers: count, orders: orderNumber, customersFile, ordersFile, probes, interactions, threadSender: SAMPLE_PEOPLE.maria.email, threadSenderName: SAMPLE_PEOPLE.maria.name, now: DATA_NOW };
}
