/**
 * A name to offer for an address that came without one (a mailto link whose text is the address
 * itself): `jonas.weber@…` offers "Jonas Weber". A shared or role mailbox (`info@`, `sales@`) or
 * a local part that is not made of letters offers nothing: the person types the name.
 */
const ROLE_MAILBOXES: ReadonlySet<string> = new Set([
  'admin', 'billing', 'buchhaltung', 'contact', 'hallo', 'hello', 'help', 'hi', 'info', 'invoice',
  'invoices', 'kontakt', 'mail', 'marketing', 'no-reply', 'noreply', 'office', 'orders', 'post',
  'press', 'sales', 'service', 'shop', 'support', 'team', 'vertrieb',
]);

export function nameFromAddress(email: string): string {
  const local = (email.split('@', 1)[0] ?? '').split('+', 1)[0] ?? '';
  if (ROLE_MAILBOXES.has(local.toLowerCase())) return '';
  const parts = local.split(/[._-]+/).filter((part) => part !== '');
  if (parts.length === 0 || !parts.every((part) => /^\p{L}+$/u.test(part))) return '';
  return parts.map((part) => part.charAt(0).toLocaleUpperCase() + part.slice(1)).join(' ').slice(0, 200);
}
