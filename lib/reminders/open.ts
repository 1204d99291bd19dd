/**
 * Where a reminder's notification takes the owner: the Gmail search for the customer's
 * address, where the sidebar shows their card as soon as a thread is opened. A customer
 * without an address has nothing to search for; the caller opens the extension's own page.
 */
export function customerSearchUrl(email: string | null): string | null {
  if (email === null || !email.includes('@')) return null;
  return `https://mail.google.com/mail/u/0/#search/${encodeURIComponent(email)}`;
}
