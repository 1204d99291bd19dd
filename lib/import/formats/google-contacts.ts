import { customerKeyFor } from '../drafts';
import { guardRow, reject, type ImportFormat } from '../format';
import { cell, joinName, parseBirthday, parseEmails, parsePhone, parseTags } from '../values';

/**
 * Google Contacts → Export → Google CSV, in both layouts: the current one (`First Name`,
 * `Labels`, `E-mail 1 - Label`) and the pre-2023 one (`Name`, `Given Name`, `Group Membership`,
 * `E-mail 1 - Type`). Google writes as many numbered e-mail/phone groups as the data needs.
 */
export const googleContacts: ImportFormat = {
  id: 'google-contacts',
  label: 'Google Contacts',
  hasCurrency: false,
  matches: (c) => c.has('E-mail 1 - Value') && (c.has('First Name', 'Labels') || c.has('Given Name', 'Group Membership')),
  create(c, _options, sink) {
    const full = c.reader('Name');
    const first = c.reader('First Name', 'Given Name');
    const middle = c.reader('Middle Name', 'Additional Name');
    const last = c.reader('Last Name', 'Family Name');
    const company = c.reader('Organization Name', 'Organization 1 - Name');
    const birthday = c.reader('Birthday');
    const notes = c.reader('Notes');
    const labels = c.reader('Labels', 'Group Membership');
    const emailColumns = c.numbered(/^E-mail \d+ - Value$/i);
    const phoneColumns = c.numbered(/^Phone \d+ - Value$/i);
    return {
      row(values, row) {
        guardRow(sink, values, row, () => {
          const emails = [...new Set(emailColumns.flatMap((i) => parseEmails(values[i] ?? '')))].slice(0, 50);
          const phone = phoneColumns.map((i) => parsePhone((values[i] ?? '').split(' ::: ')[0] ?? '')).find((p) => p !== null) ?? null;
          const name = cell(full(values)).slice(0, 200) || joinName(first(values), middle(values), last(values));
          const draft = {
            emails,
            name,
            phone,
            companyName: cell(company(values)).slice(0, 200) || null,
            tags: parseTags(labels(values)),
            birthday: parseBirthday(birthday(values)),
            note: cell(notes(values)).slice(0, 10_000) || null,
            source: 'google' as const,
            externalId: null,
          };
          const key = customerKeyFor(draft);
          if (key === null) reject(`${name || 'This contact'} has no email address.`);
          sink.customer({ ...draft, key });
        });
      },
      end() {},
    };
  },
};
