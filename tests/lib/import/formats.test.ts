import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../lib/import/formats/index';
import { mappingProblems, suggestMapping } from '../../../lib/import/formats/generic';
import { csvWith, fixture, headersOf, importText } from './helpers';

const SHOPIFY_CUSTOMER_HEADERS = [
  'shopify/customers_export.header.2024-default-address.csv',
  'shopify/customers_export.header.2024-with-whatsapp-and-metafields.csv',
  'shopify/customers_export.header.2023-customer-id.csv',
  'shopify/customers_export.header.2022-accepts-email-marketing.csv',
  'shopify/customers_export.header.legacy-accepts-marketing.csv',
];

describe('real header sets', () => {
  it.each(SHOPIFY_CUSTOMER_HEADERS)('imports a customer from %s', async (path) => {
    const headers = headersOf(path);
    expect(detectFormat(headers)?.id).toBe('shopify-customers');
    const text = csvWith(headers, [
      {
        'Customer ID': "'9980311896380",
        'First Name': 'Maria',
        'Last Name': 'Jensen',
        Email: ' Maria.Jensen@Nordlicht-Moebel.de ',
        Company: 'Nordlicht Möbel',
        'Default Address Company': 'Nordlicht Möbel',
        Phone: "'+49 40 555 0142",
        Tags: 'wholesale, key account',
        Note: 'Prefers phone calls',
      },
    ]);
    const result = await importText(text, { format: 'shopify-customers' });
    expect(result.badCount).toBe(0);
    expect(result.customerDrafts).toEqual([
      expect.objectContaining({
        key: 'email:maria.jensen@nordlicht-moebel.de',
        name: 'Maria Jensen',
        companyName: 'Nordlicht Möbel',
        phone: '+49 40 555 0142',
        tags: ['wholesale', 'key account'],
        note: 'Prefers phone calls',
        externalId: headers.includes('Customer ID') ? '9980311896380' : null,
      }),
    ]);
  });

  it('aggregates the real Shopify orders sample into one order per Name', async () => {
    const result = await importText(fixture('shopify/orders_export_1.sample-2025-redacted.csv'), { format: 'shopify-orders' });
    const numbers = result.orderDrafts.map((o) => o.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const order1050 = result.orderDrafts.find((o) => o.number === '#1050');
    expect(order1050).toMatchObject({
      total: { currency: 'INR', minor: 1_159_400 },
      orderedAt: Date.parse('2025-12-06T10:37:30-05:00'),
      externalId: '6798481490219',
      customerKey: 'email:customer.a@example.com',
      status: 'paid',
    });
    expect(result.customerDrafts.map((c) => c.key)).toContain('email:customer.b@example.com');
    expect(result.badCount).toBe(0);
  });

  it('reads Shopify’s Transporter template, totalling line items when there is no Total', async () => {
    const result = await importText(fixture('shopify/transporter-orders-template.csv'), { format: 'shopify-orders' });
    expect(detectFormat(headersOf('shopify/transporter-orders-template.csv'))?.id).toBe('shopify-orders');
    expect(result.orderDrafts.map((o) => o.number)).toEqual(['#MA-1097', '#MA-1098']);
    expect(result.orderDrafts[1]?.status).toBe('cancelled');
    expect(result.orderDrafts[0]?.total.currency).toBe('USD');
  });

  it('reports Excel-rounded Customer IDs of rows without an email instead of guessing', async () => {
    const result = await importText(fixture('shopify/customers_export_1.excel-resaved-2023-redacted.csv'), { format: 'shopify-customers' });
    expect(result.customerDrafts.map((c) => c.emails[0])).toEqual([
      'demo.owner@example.com',
      'owner.b@example.com',
      'person.c@example.com',
      'albl@yopmail.com',
      'axbx@yopmail.com',
    ]);
    expect(result.customerDrafts.every((c) => c.externalId === null)).toBe(true);
    expect(result.bad.map((b) => b.row)).toEqual([5, 6, 7]);
    expect(result.bad[0]?.reason).toMatch(/rounded by a spreadsheet/);
  });

  it('imports WooCommerce one-row-per-order exports', async () => {
    const headers = headersOf('woocommerce/customer-order-csv-export.legacy-one-row-per-order.header.csv');
    expect(detectFormat(headers)?.id).toBe('woocommerce-orders');
    const text = csvWith(headers, [
      { order_id: '4961', order_number: '4961', date: '2018-02-20 14:03:22', status: 'completed', order_total: '30.00', billing_email: 'tom@becker-baeckerei.de', billing_first_name: 'Tom', billing_last_name: 'Becker', billing_company: 'Becker Bäckerei' },
    ]);
    const result = await importText(text, { format: 'woocommerce-orders', options: { currency: 'EUR' } });
    expect(result.orderDrafts).toEqual([expect.objectContaining({ externalId: '4961', total: { currency: 'EUR', minor: 3000 }, status: 'completed', customerKey: 'email:tom@becker-baeckerei.de' })]);
    expect(result.customerDrafts[0]).toMatchObject({ name: 'Tom Becker', companyName: 'Becker Bäckerei' });
  });

  it('imports the WooCommerce Analytics orders report by customer name, currency from the symbol', async () => {
    const headers = headersOf('woocommerce/wc-analytics-orders-report.header.csv');
    expect(detectFormat(headers)?.id).toBe('woocommerce-analytics-orders');
    const text = csvWith(headers, [{ Date: '2024-03-05 10:00:00', 'Order #': '1201', 'N. Revenue (formatted)': '£1,234.50', Status: 'Completed', Customer: 'Lena Vogel', 'Net Sales': '1234.5' }]);
    const result = await importText(text, { format: 'woocommerce-analytics-orders' });
    expect(result.orderDrafts[0]).toMatchObject({ total: { currency: 'GBP', minor: 123_450 }, customerKey: 'ext:woocommerce:name:lena vogel' });
  });

  it('imports the WooCommerce Analytics customers report', async () => {
    const headers = headersOf('woocommerce/wc-analytics-customers-report.header.csv');
    expect(detectFormat(headers)?.id).toBe('woocommerce-analytics-customers');
    const result = await importText(csvWith(headers, [{ Name: 'Lena Vogel', Email: 'lena.vogel@gmail.com' }]), { format: 'woocommerce-analytics-customers' });
    expect(result.customerDrafts[0]?.key).toBe('email:lena.vogel@gmail.com');
  });

  it.each(['contacts/google-contacts.header.2023-new-google-csv.csv', 'contacts/google-contacts.header.legacy-google-csv.csv'])(
    'imports Google Contacts from %s',
    async (path) => {
      const headers = headersOf(path);
      expect(detectFormat(headers)?.id).toBe('google-contacts');
      const text = csvWith(headers, [
        {
          'First Name': 'Maria',
          'Given Name': 'Maria',
          'Last Name': 'Jensen',
          'Family Name': 'Jensen',
          'E-mail 1 - Value': 'maria@nordlicht-moebel.de ::: maria.j@gmx.de',
          'Phone 1 - Value': '+49 40 555 0142',
          'Organization Name': 'Nordlicht Möbel',
          'Organization 1 - Name': 'Nordlicht Möbel',
          Birthday: '--03-09',
          Labels: '* myContacts ::: Wholesale',
          'Group Membership': '* myContacts ::: Wholesale',
        },
      ]);
      const result = await importText(text, { format: 'google-contacts' });
      expect(result.customerDrafts[0]).toMatchObject({
        name: 'Maria Jensen',
        emails: ['maria@nordlicht-moebel.de', 'maria.j@gmx.de'],
        birthday: '03-09',
        tags: ['Wholesale'],
        companyName: 'Nordlicht Möbel',
      });
    },
  );

  it.each([
    ['contacts/outlook-desktop-contacts.header.en.csv', 'E-mail Address'],
    ['contacts/thunderbird-addressbook-export.basic.csv', 'Primary Email'],
    ['contacts/hubspot-contacts-export.header.default-view.csv', 'Email'],
    ['contacts/windows-live-mail-de.export.csv', 'E-Mail-Adresse'],
    ['contacts/outlook-2007-de.export.csv', 'E-Mail-Adresse'],
  ])('maps %s through the column-mapping step', async (path, emailHeader) => {
    const headers = headersOf(path);
    expect(detectFormat(headers)).toBeNull();
    const mapping = suggestMapping(headers);
    expect(mapping.fields.email).toBe(emailHeader);
    expect(mappingProblems(mapping)).toEqual([]);
  });

  it('imports the real Thunderbird and Outlook files with their ragged rows', async () => {
    const thunderbird = fixture('contacts/thunderbird-addressbook-export.basic.csv');
    const tb = await importText(thunderbird, { format: 'generic', mapping: suggestMapping(headersOf('contacts/thunderbird-addressbook-export.basic.csv')) });
    expect(tb.customerDrafts.map((c) => c.name)).toEqual(['John Doe', 'Jane Doe']);
    const outlook = await importText(fixture('contacts/outlook-2007-de.export.csv'), { format: 'generic', mapping: suggestMapping(headersOf('contacts/outlook-2007-de.export.csv')) });
    expect(outlook.customerDrafts).toEqual([expect.objectContaining({ emails: ['robin@example.de'], name: 'Robin Example', companyName: 'Coding Robin' })]);
  });
});
