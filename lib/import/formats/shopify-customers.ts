import { customerKeyFor, type CustomerDraft } from '../drafts';
import { guardRow, reject, type ImportFormat } from '../format';
import { cell, isScientific, joinName, parseEmails, parsePhone, parseTags } from '../values';

/**
 * Shopify admin → Customers → Export. Four header generations are in the wild (see
 * tests/fixtures/csv/SOURCES.md): with or without `Customer ID`, `Company` or
 * `Default Address Company`, one `Accepts Marketing` or separate email/SMS columns.
 */
export const shopifyCustomers: ImportFormat = {
  id: 'shopify-customers',
  label: 'Shopify customers',
  hasCurrency: false,
  matches: (c) => c.has('First Name', 'Last Name', 'Email', 'Total Spent', 'Total Orders'),
  create(c, _options, sink) {
    const id = c.reader('Customer ID');
    const first = c.reader('First Name');
    const last = c.reader('Last Name');
    const email = c.reader('Email');
    const company = c.reader('Company', 'Default Address Company');
    const phone = c.reader('Phone');
    const addressPhone = c.reader('Default Address Phone');
    const tags = c.reader('Tags');
    const note = c.reader('Note');
    return {
      row(values, row) {
        guardRow(sink, values, row, () => {
          const emails = parseEmails(email(values));
          const rawId = cell(id(values));
          const externalId = rawId === '' || isScientific(rawId) ? null : rawId.slice(0, 100);
          const draft: Omit<CustomerDraft, 'key'> = {
            emails,
            name: joinName(first(values), last(values)),
            phone: parsePhone(phone(values)) ?? parsePhone(addressPhone(values)),
            companyName: cell(company(values)).slice(0, 200) || null,
            tags: parseTags(tags(values)),
            birthday: null,
            note: cell(note(values)).slice(0, 10_000) || null,
            source: 'shopify',
            externalId,
          };
          const key = customerKeyFor(draft);
          if (key === null) {
            reject(
              isScientific(rawId)
                ? `No email, and the Customer ID “${rawId}” was rounded by a spreadsheet, so this customer cannot be matched.`
                : 'No email and no Customer ID: nothing to recognize this customer by.',
            );
          }
          sink.customer({ ...draft, key });
        });
      },
      end() {},
    };
  },
};
