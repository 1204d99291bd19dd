import { describe, expect, it } from 'vitest';
import { createCustomer, findCustomersByEmails } from '../../../lib/db/index';
import { normalizeEmail } from '../../../lib/email/normalize';
import { freshDatabase, NOW } from '../db/factories';

const CYRILLIC_A = '\u0430';
const LONG_LOCAL = 'a'.repeat(64);
/** 64 + 1 + 255 = 320 characters, the longest an address form field usually takes. */
const LONGEST = `${LONG_LOCAL}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(59)}.com`;

/**
 * How every kind of odd address is stored: the normalized form (the key customers are found and
 * merged by) or null (not accepted as an address). One row per case; the table is the documentation.
 */
const TABLE: ReadonlyArray<[string, string, string | null]> = [
  ['quoted local part', '"john doe"@example.com', null],
  ['quoted local part without space', '"john"@example.com', null],
  ['+tag kept (a shop may send to the tagged address)', 'Ana+shop@example.com', 'ana+shop@example.com'],
  ['uppercase domain and local part', 'ANA@EXAMPLE.COM', 'ana@example.com'],
  ['IDN domain stored as punycode', 'ana@bücher.de', 'ana@xn--bcher-kva.de'],
  ['punycode domain unchanged', 'ana@xn--bcher-kva.de', 'ana@xn--bcher-kva.de'],
  ['trailing dot of the domain', 'ana@example.com.', null],
  ['mailto: prefix', 'mailto:Ana@Example.com', 'ana@example.com'],
  ['MAILTO: prefix', 'MAILTO:ana@example.com', 'ana@example.com'],
  ['angle brackets', '<ana@example.com>', 'ana@example.com'],
  ['spaces around', '  ana@example.com ', 'ana@example.com'],
  ['invisible format character Gmail appends', 'ana@example.com\u202c', 'ana@example.com'],
  ['right-to-left override inside', 'ana@exa\u202emple.com', 'ana@example.com'],
  ['local part of 64 characters', `${LONG_LOCAL}@example.com`, `${LONG_LOCAL}@example.com`],
  ['local part of 65 characters', `a${LONG_LOCAL}@example.com`, null],
  ['320 characters (over the 254 a mail path allows)', LONGEST, null],
  ['empty domain label', 'ana@example..com', null],
  ['domain without a dot', 'ana@example', null],
  ['gmail dots kept (never folded)', 'a.na@gmail.com', 'a.na@gmail.com'],
  ['googlemail kept (never folded)', 'ana@googlemail.com', 'ana@googlemail.com'],
  ['Cyrillic homoglyph in the domain', `ana@${CYRILLIC_A}pple.com`, 'ana@xn--pple-43d.com'],
  ['Cyrillic homoglyph in the local part', `${CYRILLIC_A}na@apple.com`, `${CYRILLIC_A}na@apple.com`],
];

describe('I5 weird emails: normalization and dedupe', () => {
  it('has a 320-character case', () => expect(LONGEST).toHaveLength(320));

  it.each(TABLE)('%s: %j → %j', (_case, raw, stored) => {
    expect(normalizeEmail(raw)).toBe(stored);
    // Deterministic: normalizing the stored form changes nothing.
    if (stored !== null) expect(normalizeEmail(stored)).toBe(stored);
  });

  it('finds one customer under every spelling of the same address', async () => {
    const db = freshDatabase();
    const ana = await createCustomer(db, { name: 'Ana', email: 'Ana+shop@Example.com', companyName: null, phone: null, tags: [] }, NOW);
    for (const spelling of ['ana+shop@example.com', 'mailto:ANA+SHOP@EXAMPLE.COM', '<Ana+Shop@example.com>\u202c']) {
      const found = await findCustomersByEmails(db, [normalizeEmail(spelling)!]);
      expect([...found.values()].map((c) => c.id)).toEqual([ana.id]);
    }
    // Creating the same address again in another spelling is refused as taken.
    await expect(createCustomer(db, { name: 'Ana again', email: 'MAILTO:ana+shop@EXAMPLE.com', companyName: null, phone: null, tags: [] }, NOW)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('never merges a Cyrillic homoglyph address with its Latin twin', async () => {
    const db = freshDatabase();
    const latin = await createCustomer(db, { name: 'Latin', email: 'ana@apple.com', companyName: null, phone: null, tags: [] }, NOW);
    const twin = await createCustomer(db, { name: 'Homoglyph', email: `ana@${CYRILLIC_A}pple.com`, companyName: null, phone: null, tags: [] }, NOW);
    const local = await createCustomer(db, { name: 'Local homoglyph', email: `${CYRILLIC_A}na@apple.com`, companyName: null, phone: null, tags: [] }, NOW);
    expect(new Set([latin.id, twin.id, local.id]).size).toBe(3);
    const found = await findCustomersByEmails(db, ['ana@apple.com']);
    expect([...found.values()].map((c) => c.name)).toEqual(['Latin']);
    expect(await db.customers.count()).toBe(3);
  });
});
