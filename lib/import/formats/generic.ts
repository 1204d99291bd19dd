import { z } from 'zod';
import { customerKeyFor, type CustomerDraft } from '../drafts';
import type { ImportOptions } from '../drafts';
import { Columns, guardRow, reject, type ImportSink, type RowMapper } from '../format';
import { cell, currencyIn, joinName, parseAmount, parseBirthday, parseEmails, parsePhone, parseTags, parseTime } from '../values';

/**
 * Any other CSV: the user says which column holds what. A mapping names columns by header (not
 * position) so it can be remembered for files with the same set of headers.
 */

export const MAPPING_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'email',
  'email2',
  'phone',
  'company',
  'tags',
  'birthday',
  'note',
  'customerId',
  'orderId',
  'orderDate',
  'total',
  'currency',
  'status',
] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];

export const FIELD_LABELS: Readonly<Record<MappingField, string>> = {
  name: 'Full name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  email2: 'Second email',
  phone: 'Phone',
  company: 'Company',
  tags: 'Tags',
  birthday: 'Birthday',
  note: 'Note',
  customerId: 'Customer id',
  orderId: 'Order id',
  orderDate: 'Order date',
  total: 'Order total',
  currency: 'Currency',
  status: 'Order status',
};

export const ORDER_FIELDS: readonly MappingField[] = ['orderId', 'orderDate', 'total', 'currency', 'status'];

export const Mapping = z.object({
  target: z.enum(['customers', 'orders']),
  fields: z.partialRecord(z.enum(MAPPING_FIELDS), z.string().max(200)),
});
export type Mapping = z.infer<typeof Mapping>;

/** Header names (after Columns.key) that usually mean a field, across languages and tools. */
const SYNONYMS: Readonly<Record<MappingField, readonly string[]>> = {
  name: ['name', 'full name', 'display name', 'customer', 'customer name', 'kunde', 'anzeigename'],
  firstName: ['first name', 'given name', 'firstname', 'vorname', 'billing first name', 'billing_first_name'],
  lastName: ['last name', 'family name', 'surname', 'lastname', 'nachname', 'billing last name', 'billing_last_name'],
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'e-mail-adresse', 'primary email', 'mail', 'billing email', 'billing_email'],
  email2: ['e-mail 2 address', 'secondary email', 'e-mail 2: adresse', 'email 2'],
  phone: ['phone', 'phone number', 'mobile phone', 'mobile number', 'telefon', 'telefon (privat)', 'mobiltelefon', 'work phone', 'business phone', 'telefon geschäftlich'],
  company: ['company', 'organization', 'organisation', 'firma', 'associated company', 'billing company'],
  tags: ['tags', 'categories', 'kategorien', 'labels'],
  birthday: ['birthday', 'geburtstag', 'date of birth'],
  note: ['notes', 'note', 'notizen'],
  customerId: ['record id', 'customer id', 'customer_id', 'id'],
  orderId: ['order id', 'order_id', 'order number', 'order #', 'order'],
  orderDate: ['order date', 'date', 'created at', 'created', 'datum'],
  total: ['total', 'order total', 'order_total', 'amount', 'betrag', 'summe'],
  currency: ['currency', 'währung', 'order_currency'],
  status: ['status', 'order status'],
};

/** A first guess at the mapping from the headers; the user corrects it in the preview. */
export function suggestMapping(headers: readonly string[]): Mapping {
  const fields: Partial<Record<MappingField, string>> = {};
  const used = new Set<string>();
  for (const field of MAPPING_FIELDS) {
    const header = headers.find((h) => !used.has(h) && SYNONYMS[field].includes(Columns.key(h)));
    if (header !== undefined) {
      fields[field] = header;
      used.add(header);
    }
  }
  const target = fields.orderId !== undefined && fields.total !== undefined ? 'orders' : 'customers';
  return { target, fields };
}

/** What a mapping lacks to be usable, in words; empty when it is complete. */
export function mappingProblems(mapping: Mapping): string[] {
  const f = mapping.fields;
  const problems: string[] = [];
  if (f.email === undefined && f.customerId === undefined) problems.push('Choose the column with the email address (or a customer id).');
  if (mapping.target === 'orders') {
    if (f.orderId === undefined) problems.push('Choose the column with the order id.');
    if (f.orderDate === undefined) problems.push('Choose the column with the order date.');
    if (f.total === undefined) problems.push('Choose the column with the order total.');
  }
  return problems;
}

/** The key a mapping is remembered under: the file's set of headers, order ignored. */
export function headersKey(headers: readonly string[]): string {
  return [...new Set(headers.map(Columns.key))].sort().join('\u001f').slice(0, 4000);
}

export function createGenericMapper(columns: Columns, mapping: Mapping, options: ImportOptions, sink: ImportSink): RowMapper {
  const read = (field: MappingField) => {
    const header = mapping.fields[field];
    return header === undefined ? () => '' : columns.reader(header);
  };
  const get = Object.fromEntries(MAPPING_FIELDS.map((f) => [f, read(f)])) as Record<MappingField, (v: readonly string[]) => string>;
  const seen = new Set<string>();
  return {
    row(values, row) {
      guardRow(sink, values, row, () => {
        const rawId = cell(get.customerId(values)).slice(0, 100);
        const draft: Omit<CustomerDraft, 'key'> = {
          emails: [...new Set([...parseEmails(get.email(values)), ...parseEmails(get.email2(values))])].slice(0, 50),
          name: cell(get.name(values)).slice(0, 200) || joinName(get.firstName(values), get.lastName(values)),
          phone: parsePhone(get.phone(values)),
          companyName: cell(get.company(values)).slice(0, 200) || null,
          tags: parseTags(get.tags(values)),
          birthday: parseBirthday(get.birthday(values)),
          note: cell(get.note(values)).slice(0, 10_000) || null,
          source: 'csv',
          externalId: rawId || null,
        };
        const key = customerKeyFor(draft);
        if (key === null) reject('No email address and no customer id.');
        if (mapping.target === 'customers') {
          sink.customer({ ...draft, key });
          return;
        }
        const orderId = cell(get.orderId(values));
        if (orderId === '') reject('No order id.');
        const totalText = get.total(values);
        const currency = cell(get.currency(values)).toUpperCase() || currencyIn(totalText) || options.currency;
        const minor = parseAmount(totalText, currency);
        if (minor === null) reject(`Order ${orderId} has no total.`);
        const orderedAt = parseTime(get.orderDate(values));
        if (orderedAt === null) reject(`Order ${orderId} has no date.`);
        if (!seen.has(key)) {
          seen.add(key);
          sink.customer({ ...draft, key });
        }
        sink.order({
          customerKey: key,
          source: 'csv',
          externalId: orderId.slice(0, 100),
          number: orderId.slice(0, 60),
          orderedAt,
          total: { currency, minor },
          status: cell(get.status(values)).toLowerCase().slice(0, 40) || null,
        });
      });
    },
    end() {},
  };
}

