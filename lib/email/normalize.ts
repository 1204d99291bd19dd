/**
 * Email normalization for recognizing people: the same mailbox written in different ways on a
 * page (`<A@Example.com>`, `mailto:a@example.com`, Gmail's `a@example.com\u202C`) must become one
 * stored string, and strings that cannot be an address must be refused.
 *
 * This is a plausibility check, not an RFC 5322 validator. The address came from an email header
 * or a page the user is looking at; refusing a real but unusual address would hide a customer, so
 * we accept more than strict validators do (see tests/lib/email/normalize.test.ts for the
 * categories accepted and rejected on purpose).
 *
 * No provider-specific rewriting: no Gmail dot removal, no `+tag` stripping, no
 * googlemail.com → gmail.com folding. Even where two spellings reach the same inbox, to a CRM they
 * are what the customer chose to write with (`anna+shop@…` may be how they route our mail), and
 * merging them silently would make a stored address differ from what the user sees on the page.
 */

/**
 * Invisible format characters. Gmail appends U+202C POP DIRECTIONAL FORMATTING to some addresses
 * (seen by InboxSDK, see tests/fixtures/emails/inboxsdk-contact-strings.json); copy-paste brings
 * zero-width spaces and byte-order marks. None can be part of an address someone typed.
 */
const FORMAT_CHARS = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

const MAX_ADDRESS = 254;
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const MAX_LABEL = 63;

/** Whitespace, controls, lone surrogates, private-use and unassigned code points: never typed in an address. */
const SPACE_OR_CONTROL = /[\s\p{Zs}\p{Zl}\p{Zp}\p{Cc}\p{Cs}\p{Co}\p{Cn}]/u;
/** Characters only valid inside a quoted local part; we don't accept quoted local parts. */
const LOCAL_SPECIALS = /["(),:;<>[\\\]]/;
/**
 * Letters, marks, digits, dashes and dots (including the ideographic and fullwidth dots IDNA
 * maps to `.`). Anything else, say `%`, `/`, `:` or `©`, would make `new URL` read the domain
 * as something else or invent a junk punycode label.
 */
const DOMAIN_CHARS = /^[\p{L}\p{M}\p{N}\p{Pd}.\u3002\uFF0E\uFF61]+$/u;
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** Removes the invisible format characters a page may wrap around or inside an address. */
export function stripFormatChars(s: string): string {
  return s.replace(FORMAT_CHARS, '');
}

/**
 * The stored form of an email address, or null when `raw` is not a plausible address.
 * Trims, drops `mailto:` and surrounding `<…>`, removes format characters, applies NFC,
 * lower-cases, and converts an IDN domain to its ASCII (punycode) form.
 */
export function normalizeEmail(raw: string): string | null {
  let s = stripFormatChars(raw).trim();
  if (/^mailto:/i.test(s)) s = stripMailto(s);
  if (s.startsWith('<') && s.endsWith('>')) s = s.slice(1, -1).trim();
  s = s.normalize('NFC').toLowerCase();
  if (s.length > MAX_ADDRESS * 4) return null;

  const at = s.indexOf('@');
  if (at < 0 || at !== s.lastIndexOf('@')) return null;
  const local = s.slice(0, at);
  const domain = toAsciiDomain(s.slice(at + 1));
  if (!isPlausibleLocal(local) || domain === null) return null;

  const address = `${local}@${domain}`;
  return address.length <= MAX_ADDRESS ? address : null;
}

/** `mailto:a@b.com?subject=Hi` → `a@b.com`; mailto URLs may percent-encode the address. */
function stripMailto(s: string): string {
  const withoutScheme = s.slice('mailto:'.length);
  const query = withoutScheme.indexOf('?');
  const address = query < 0 ? withoutScheme : withoutScheme.slice(0, query);
  try {
    return decodeURIComponent(address).trim();
  } catch {
    return address.trim();
  }
}

function isPlausibleLocal(local: string): boolean {
  // Leading, trailing and doubled dots are accepted on purpose: they break RFC 5322's dot-atom,
  // but some providers issued such mailboxes and they do arrive in real headers.
  if (local.length === 0 || local.length > MAX_LOCAL) return false;
  return !SPACE_OR_CONTROL.test(local) && !LOCAL_SPECIALS.test(local);
}

/**
 * The domain in lower-case ASCII, or null. Uses the WHATWG URL parser for IDNA (UTS #46) because
 * `domainToASCII` from node:url doesn't exist in the browser; the parser also applies the same
 * compatibility mapping a browser would (fullwidth `ｇｍａｉｌ.com` → `gmail.com`).
 */
function toAsciiDomain(domain: string): string | null {
  if (domain.length === 0 || domain.length > MAX_DOMAIN * 4) return null;
  if (!DOMAIN_CHARS.test(domain)) return null;
  let ascii: string;
  try {
    ascii = new URL(`http://${domain}`).hostname;
  } catch {
    return null;
  }
  if (ascii.length > MAX_DOMAIN) return null;
  const labels = ascii.split('.');
  // A bare host (`monkeys@com`) is valid on an intranet but never a customer's address.
  if (labels.length < 2) return null;
  if (!labels.every((label) => label.length <= MAX_LABEL && LDH_LABEL.test(label))) return null;
  const tld = labels[labels.length - 1] ?? '';
  // Rejects IP addresses (`a@1.2.3.4`) and one-letter TLDs, which no registry issues.
  if (tld.length < 2 || /^\d+$/.test(tld)) return null;
  return ascii;
}

export interface ContactString {
  /** The display name, unquoted; null when the string has none. */
  name: string | null;
  /** The normalized address. */
  email: string;
}

const ANGLE_FORM = /^(.*?)<([^<>]*)>$/s;
const COMMENT_FORM = /^([^\s()<>]+)\s*\((.*)\)$/s;

/**
 * Splits a contact string as mail headers and Gmail show them: `"Name" <a@b.com>`,
 * `Name <a@b.com>`, `a@b.com (Name)` or a bare `a@b.com`. Null when no plausible address is in it.
 */
export function parseContactString(s: string): ContactString | null {
  const text = stripFormatChars(s).trim();
  const angle = ANGLE_FORM.exec(text);
  if (angle) return contact(angle[1] ?? '', angle[2] ?? '');
  const comment = COMMENT_FORM.exec(text);
  if (comment) return contact(comment[2] ?? '', comment[1] ?? '');
  return contact('', text);
}

function contact(rawName: string, rawEmail: string): ContactString | null {
  const email = normalizeEmail(rawEmail);
  if (email === null) return null;
  const name = unquote(rawName.trim()).trim();
  return { name: name === '' ? null : name, email };
}

function unquote(name: string): string {
  if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) {
    return name.slice(1, -1).replace(/\\(.)/gs, '$1');
  }
  if (name.length >= 2 && name.startsWith("'") && name.endsWith("'")) return name.slice(1, -1);
  return name;
}
