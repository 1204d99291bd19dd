import type { Company, Customer } from '../model/records';

/** Contacts as vCard 3.0 (RFC 2426), what phones, Apple Contacts, Outlook and Google all read. */

function escape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\r\n|\r|\n/g, '\\n').replace(/([,;])/g, '\\$1');
}

/** Folds lines over 75 octets as RFC 2426 asks (continuation lines start with a space). */
function fold(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (new TextEncoder().encode(rest).length > 75) {
    let cut = 75;
    while (new TextEncoder().encode(rest.slice(0, cut)).length > 75) cut -= 1;
    out.push(rest.slice(0, cut));
    rest = ' ' + rest.slice(cut);
  }
  out.push(rest);
  return out.join('\r\n');
}

export function toVcard(customer: Customer, company: Company | null): string {
  const [given = '', ...family] = customer.name.trim().split(/\s+/);
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `FN:${escape(customer.name || customer.emails[0] || 'Unnamed')}`,
    `N:${escape(family.join(' '))};${escape(given)};;;`,
    ...customer.emails.map((e, i) => `EMAIL;TYPE=INTERNET${i === 0 ? ',PREF' : ''}:${escape(e)}`),
    ...(customer.phone ? [`TEL:${escape(customer.phone)}`] : []),
    ...(company ? [`ORG:${escape(company.name)}`] : []),
    ...(customer.birthday ? [`BDAY:${customer.birthday.length === 5 ? `--${customer.birthday}` : customer.birthday}`] : []),
    ...(customer.tags.length > 0 ? [`CATEGORIES:${customer.tags.map(escape).join(',')}`] : []),
    `UID:urn:uuid:${customer.id}`,
    'END:VCARD',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
