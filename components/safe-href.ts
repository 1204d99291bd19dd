/**
 * Links shown in our UI come from pages and imported files, so they are untrusted: only
 * http, https and mailto survive (DESIGN.md, "links only http, https, mailto"). `tel:` is
 * refused too; phone numbers are shown as text.
 */
const ALLOWED_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/** The normalized URL if its scheme is allowed, otherwise null (render text instead). */
export function safeHref(raw: string): string | null {
  let url: URL;
  try {
    // No base URL: relative or scheme-less input is refused instead of resolving to us.
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : null;
}

/**
 * A mailto link for one address. `?`, `#` and `%` are encoded so an address cannot smuggle
 * in headers such as `?bcc=` or a prefilled body.
 */
export function mailtoHref(email: string): string | null {
  const address = email.trim();
  if (!address.includes('@') || /\s/.test(address)) return null;
  return safeHref(`mailto:${address.replace(/[?#%&]/g, (c) => encodeURIComponent(c))}`);
}
