/**
 * Cleaning of the raw strings Gmail puts in `email`/`name` attributes and the title.
 * Everything here is pure and tolerant: bad input gives `null`/'' rather than an error.
 */

/**
 * Invisible formatting characters: soft hyphen, zero-width and direction marks, bidi embeddings
 * and isolates (U+202A–U+202E, U+2066–U+2069), word joiners, BOM. Gmail leaves U+202C (POP
 * DIRECTIONAL FORMATTING) after addresses (gmail-dom-selectors.json quirks: InboxSDK 'filters out
 * U+202C'); the others are the same family and equally invisible to the reader.
 */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** A loose shape check only: the background normalizes and validates properly. */
const ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/** Same limits as FoundPerson in lib/messaging/protocol.ts, so a report always parses. */
export const MAX_ADDRESS = 320;
export const MAX_NAME = 200;

export function stripInvisible(value: string): string {
  return value.replace(INVISIBLE, '');
}

/** A display name: invisible characters gone, whitespace collapsed, cut to the protocol's limit. */
export function cleanName(value: string | null | undefined): string {
  if (!value) return '';
  return stripInvisible(value).replace(/\s+/g, ' ').trim().slice(0, MAX_NAME).trim();
}

/** A lower-cased address, or null when the attribute does not hold one. */
export function cleanAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  const address = stripInvisible(value)
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase();
  if (address.length < 3 || address.length > MAX_ADDRESS || !ADDRESS.test(address)) return null;
  return address;
}

/**
 * The signed-in user from the document title, which Gmail writes as
 * "<view or subject> - <address> - Gmail" (Workspace accounts may end in the organization's name
 * instead of "Gmail", and a subject may itself contain " - ", so the last address between
 * dashes wins).
 */
export function selfFromTitle(title: string | null | undefined): string | null {
  if (!title) return null;
  const parts = stripInvisible(title).split(/\s+[-–]\s+/);
  for (let i = parts.length - 2; i >= 1; i--) {
    const address = cleanAddress(parts[i]);
    if (address) return address;
  }
  return null;
}
