/**
 * Cleaning of the raw strings a mail site puts in its attributes and text (Gmail's `email`/`name`
 * attributes, Outlook's "Name<address>" labels). Pure and tolerant: bad input gives `null`/''
 * rather than an error.
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
 * Mail header labels ("To:", "Cc:", in the languages of the usual mail UIs: en, de, fr, es, it,
 * nl), lower-cased without the colon. Gmail's details table and Outlook's recipient lines are
 * localized with the UI; an unknown word gives no role and the caller falls back to structure.
 */
export const HEADER_LABELS = {
  from: ['from', 'von', 'de', 'da', 'van'],
  to: ['to', 'an', 'à', 'a', 'para', 'aan'],
  cc: ['cc'],
  bcc: ['bcc', 'cci', 'cco', 'ccn'],
} as const;

export type HeaderRole = keyof typeof HEADER_LABELS;

/** The role a header label names ("Cc:", "An", "CC: Tom Becker" → its first word), or null. */
export function roleOfLabel(label: string | null | undefined): HeaderRole | null {
  const word = cleanName(label).split(/[\s:]/, 1)[0]?.toLowerCase() ?? '';
  for (const role of Object.keys(HEADER_LABELS) as HeaderRole[]) {
    if ((HEADER_LABELS[role] as readonly string[]).includes(word)) return role;
  }
  return null;
}

/**
 * A person as mail UIs write one in text: "Name<address>", "Name <address>", a bare address, or a
 * name alone (Outlook shows most recipients by name only). Null when there is neither.
 */
export function splitContact(text: string | null | undefined): { name: string; email: string | null } | null {
  const clean = cleanName(text);
  if (!clean) return null;
  const angle = /^(.*?)\s*<([^<>]*)>$/.exec(clean);
  if (angle) {
    const email = cleanAddress(angle[2]);
    const name = cleanName(angle[1]).replace(/^"(.*)"$/, '$1');
    return email ? { name: name.includes('@') ? '' : name, email } : name ? { name, email: null } : null;
  }
  const email = cleanAddress(clean);
  return email ? { name: '', email } : { name: clean, email: null };
}
