/**
 * Addresses in page strings: text, `mailto:` URLs, Cloudflare-obfuscated links. Pure and
 * tolerant: bad input yields nothing, never an error. The background normalizes and validates
 * properly (lib/email/normalize.ts); these only pick candidates out of text.
 */

/** Same limits as FoundPerson in the protocol, so a report always parses. */
export const MAX_ADDRESS = 320;

/**
 * A candidate address inside running text. The local part excludes quotes and brackets; the
 * domain needs a dot and a 2+ letter last label, which keeps "v1.2@3x" and "@media" out.
 */
const IN_TEXT = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9\u00C0-\uFFFF](?:[A-Za-z0-9\u00C0-\uFFFF-]{0,61}[A-Za-z0-9\u00C0-\uFFFF])?\.)+[A-Za-z\u00C0-\uFFFF]{2,63}/g;

/** "logo@2x.png": retina image names look like addresses whose top-level domain is a file type. */
const FILE_NAME = /\.(?:png|jpe?g|gif|webp|avif|svg|ico|css|js|json|map)$/i;

const SHAPE = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/** A lower-cased candidate, or null when the string is not shaped like one address. */
export function cleanCandidate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/[.,;:]+$/, '')
    .trim();
  // "Jonas Weber <jonas@kaffeerad.de>" (a display name in a mailto link or JSON-LD): the part in brackets.
  const value = (/<([^<>]+)>$/.exec(trimmed)?.[1] ?? trimmed).trim().toLowerCase();
  if (value.length < 3 || value.length > MAX_ADDRESS || !SHAPE.test(value)) return null;
  return value;
}

/** Every address-shaped substring of a text, in order; cheap when there is no `@`. */
export function addressesInText(text: string): string[] {
  if (!text.includes('@')) return [];
  const found: string[] = [];
  for (const match of text.matchAll(IN_TEXT)) {
    // "name@example.com." at a sentence end: the dot belongs to the sentence.
    const address = cleanCandidate(match[0].replace(/^[.]+/, ''));
    if (address && !FILE_NAME.test(address)) found.push(address);
  }
  return found;
}

/** The addresses of a `mailto:` URL: `mailto:a@x.de,b@y.de?cc=c@z.de` → a, b, c. */
export function addressesInMailto(href: string): string[] {
  if (!/^mailto:/i.test(href)) return [];
  const rest = href.slice('mailto:'.length);
  const queryAt = rest.indexOf('?');
  const to = queryAt === -1 ? rest : rest.slice(0, queryAt);
  const parts = to.split(',');
  if (queryAt !== -1) {
    const query = new URLSearchParams(rest.slice(queryAt + 1));
    for (const key of ['to', 'cc', 'bcc']) for (const value of query.getAll(key)) parts.push(...value.split(','));
  }
  const found: string[] = [];
  for (const part of parts) {
    const address = cleanCandidate(safeDecode(part));
    if (address) found.push(address);
  }
  return found;
}

/**
 * Cloudflare's email obfuscation: hex pairs, the first is the key, each following byte XOR the
 * key is one UTF-8 byte of the address.
 */
export function decodeCloudflareEmail(hex: string | null | undefined): string | null {
  if (!hex || hex.length < 4 || hex.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(hex)) return null;
  const key = parseInt(hex.slice(0, 2), 16);
  const bytes = new Uint8Array(hex.length / 2 - 1);
  for (let i = 2; i < hex.length; i += 2) bytes[i / 2 - 1] = parseInt(hex.slice(i, i + 2), 16) ^ key;
  try {
    return cleanCandidate(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
