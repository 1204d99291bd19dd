import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { normalizeEmail, parseContactString } from '../../../lib/email/normalize';

/*
 * Our validator is a plausibility check for recognizing addresses, not an RFC validator.
 * Categories, on purpose:
 * - accepted: surrounding whitespace/CRLF (trimmed), leading/trailing/doubled dots in the local
 *   part (real mailboxes like that exist), UTF-8 local parts, IDN domains (stored as punycode),
 *   fullwidth domain letters (UTS #46 maps them, as a browser would), reserved TLDs.
 * - rejected: no @ or several, empty local part, spaces or controls anywhere inside, quoted
 *   local parts, comments, domain literals and IP domains, dotless domains (`test@io`,
 *   `monkeys@com`), empty / hyphen-edged / over-long labels, local parts over 64.
 */

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/emails/${name}`, import.meta.url), 'utf8'));

const PythonTables = z.object({
  tables: z.object({
    test_email_valid: z.array(z.object({ email_input: z.string(), output: z.object({ local_part: z.string(), ascii_domain: z.string() }) })),
    test_email_valid_intl_local_part: z.array(z.object({ email_input: z.string(), output: z.object({ local_part: z.string(), ascii_domain: z.string() }) })),
    test_email_valid_only_if_quoted_local_part: z.array(z.object({ email_input: z.string() })),
    test_email_invalid_syntax: z.array(z.object({ email_input: z.string(), error_msg: z.string() })),
    test_email_invalid_syntax_strict: z.array(z.object({ email_input: z.string() })),
  }),
});
const python = PythonTables.parse(fixture('python-email-validator-syntax.json')).tables;

const IsEmail = z.array(z.object({ address: z.string(), category: z.string(), diagnosis: z.string() }));
/** The is_email suite writes control characters as U+2400 "control pictures". */
const fromControlPictures = (s: string) => s.replace(/[\u2400-\u2420]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x2400));
const isemail = IsEmail.parse(fixture('isemail-tests.json')).map((r) => ({ ...r, address: fromControlPictures(r.address) }));

const Validator = z.object({
  tables: z.array(z.object({ describe: z.string(), options: z.record(z.string(), z.unknown()), valid: z.array(z.string()), invalid: z.array(z.string()) })),
});
const validatorDefaults = Validator.parse(fixture('validator-js-isEmail.json')).tables.find(
  (t) => Object.keys(t.options).length === 0 && t.describe === 'should validate email addresses',
);

const InboxSdk = z.object({
  isValidEmail: z.object({ valid: z.array(z.string()), invalid: z.array(z.string()) }),
  extractContactFromEmailContactString: z.array(
    z.object({ input: z.string(), expected: z.union([z.string(), z.object({ name: z.string().nullable(), emailAddress: z.string() })]) }),
  ),
});
const inboxsdk = InboxSdk.parse(fixture('inboxsdk-contact-strings.json'));

const hasQuotesOrAngles = (s: string) => /["<>]/.test(s);

describe('normalizeEmail', () => {
  it('lower-cases, trims and strips mailto: and angle brackets when given a plain address', () => {
    expect(normalizeEmail('  Maria.Jensen@Nordlicht-Moebel.DE ')).toBe('maria.jensen@nordlicht-moebel.de');
    expect(normalizeEmail('<tom@becker-baeckerei.de>')).toBe('tom@becker-baeckerei.de');
    expect(normalizeEmail('mailto:Tom@Example.com?subject=Order')).toBe('tom@example.com');
    expect(normalizeEmail('MAILTO:tom%40example.com')).toBe('tom@example.com');
  });

  it('strips the U+202C Gmail appends and other invisible format characters when present', () => {
    expect(normalizeEmail('s@gmail.com\u202c')).toBe('s@gmail.com');
    expect(normalizeEmail('\ufeffs\u200b@gm\u200dail.com\u202e')).toBe('s@gmail.com');
    expect(normalizeEmail('\u202as@gmail.com\u202c')).toBe('s@gmail.com');
  });

  it('composes to NFC when the local part is decomposed', () => {
    expect(normalizeEmail('Rene\u0301@example.fr')).toBe('ren\u00e9@example.fr');
  });

  it('stores an IDN domain in punycode when the domain is Unicode', () => {
    expect(normalizeEmail('hans@Bücher.de')).toBe('hans@xn--bcher-kva.de');
    expect(normalizeEmail('hans@xn--bcher-kva.de')).toBe('hans@xn--bcher-kva.de');
  });

  it('keeps dots, +tags and googlemail.com when the provider would fold them', () => {
    expect(normalizeEmail('First.Last+shop@GoogleMail.com')).toBe('first.last+shop@googlemail.com');
    expect(normalizeEmail('f.i.r.s.t@gmail.com')).not.toBe(normalizeEmail('first@gmail.com'));
  });

  it.each([
    ['no @', 'maria.jensen.example.com'],
    ['two @', 'maria@jensen@example.com'],
    ['empty local part', '@example.com'],
    ['empty domain', 'maria@'],
    ['space inside', 'maria jensen@example.com'],
    ['space in domain', 'maria@exam ple.com'],
    ['domain without a dot', 'maria@localhost'],
    ['display name', 'Maria <maria@example.com>'],
    ['empty string', ''],
    ['local part of 65', `${'a'.repeat(65)}@example.com`],
    ['address over 254 with parts in range', `${'a'.repeat(10)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(50)}.com`],
  ])('returns null when given %s', (_label, raw) => {
    expect(normalizeEmail(raw)).toBeNull();
  });

  describe('python-email-validator cases', () => {
    const plainValid = [...python.test_email_valid, ...python.test_email_valid_intl_local_part].filter((r) => !hasQuotesOrAngles(r.email_input));

    it.each(plainValid.map((r) => [r.email_input, r.output] as const))('normalizes valid %s to its ASCII domain', (input, output) => {
      expect(normalizeEmail(input)).toBe(`${output.local_part.normalize('NFC').toLowerCase()}@${output.ascii_domain}`);
    });

    it('rejects quoted local parts, valid or not, because nobody writes them to a shop', () => {
      const quoted = [...python.test_email_valid, ...python.test_email_valid_only_if_quoted_local_part].filter((r) => r.email_input.startsWith('"'));
      expect(quoted.length).toBeGreaterThan(5);
      expect(quoted.filter((r) => normalizeEmail(r.email_input) !== null)).toEqual([]);
    });

    // A bare `<addr>` is accepted on purpose (Gmail and mailto links write it so).
    const clearlyInvalid = python.test_email_invalid_syntax.filter((r) => !/^<.*>$/.test(r.email_input)).filter((r) =>
      /must have an @-sign|something before the @-sign|SPACE|should have a period|in brackets|bracketed|too long (before|after) the @-sign|separated by so many|display name/i.test(r.error_msg),
    );

    it.each(clearlyInvalid.map((r) => [r.email_input, r.error_msg] as const))('returns null for %j (%s)', (input) => {
      expect(normalizeEmail(input)).toBeNull();
    });

    it('returns null when the domain has empty or hyphen-edged labels', () => {
      const domainShape = python.test_email_invalid_syntax.filter((r) => /after the @-sign|end with a (period|hyphen)|two periods|period and a hyphen/.test(r.error_msg) && /@[^@]*(\.\.|\.-|-\.|^-|-$|\.$|@[.-])/.test(`@${r.email_input.split('@').pop() ?? ''}`.normalize('NFKC')));
      expect(domainShape.length).toBeGreaterThan(8);
      expect(domainShape.filter((r) => normalizeEmail(r.email_input) !== null).map((r) => r.email_input)).toEqual([]);
    });

    it('accepts dot-atom violations in the local part when the rest is plausible', () => {
      for (const input of ['.leadingdot@domain.com', 'twodots..here@domain.com', 'trailingdot.@domain.email']) {
        expect(normalizeEmail(input)).toBe(input);
      }
    });

    it('returns null for a local part over 64 characters', () => {
      expect(python.test_email_invalid_syntax_strict.map((r) => normalizeEmail(r.email_input))).toEqual([null, null, null]);
    });
  });

  describe('is_email suite', () => {
    it('accepts every ISEMAIL_VALID address whose domain has a dot', () => {
      const valid = isemail.filter((r) => r.diagnosis === 'ISEMAIL_VALID');
      const rejected = valid.filter((r) => normalizeEmail(r.address) === null).map((r) => r.address);
      expect(rejected).toEqual(['test@io']);
    });

    it('rejects quoted strings, comments and domain literals (RFC 5321/5322 categories)', () => {
      const rfc = isemail.filter((r) => r.category === 'ISEMAIL_RFC5321' || r.category === 'ISEMAIL_RFC5322');
      expect(rfc.length).toBe(47);
      expect(rfc.filter((r) => normalizeEmail(r.address) !== null).map((r) => r.address)).toEqual([]);
    });

    it('rejects ISEMAIL_ERR addresses except edge whitespace (trimmed) and local-part dots', () => {
      for (const r of isemail.filter((x) => x.category === 'ISEMAIL_ERR')) {
        const expected = r.address.trim() === 'test@iana.org' ? 'test@iana.org'
          : /^\.|\.$/.test(r.address.split('@')[0] ?? '') ? r.address
          : null;
        expect(normalizeEmail(r.address), `${JSON.stringify(r.address)} ${r.diagnosis}`).toBe(expected);
      }
    });
  });

  describe('validator.js default table', () => {
    it('finds the default table in the fixture', () => {
      expect(validatorDefaults?.valid.length).toBeGreaterThan(10);
    });

    it('accepts every unquoted valid address', () => {
      const valid = (validatorDefaults?.valid ?? []).filter((s) => !s.startsWith('"'));
      expect(valid.filter((s) => normalizeEmail(s) === null)).toEqual([]);
    });

    it('rejects invalid ones except fullwidth letters and local-part dots, accepted on purpose', () => {
      const acceptedOnPurpose = (s: string) => /[\uff00-\uffef]/.test(s) || /(\.\.|\.@|^\.)/.test(s);
      const invalid = (validatorDefaults?.invalid ?? []).filter((s) => !acceptedOnPurpose(s));
      expect(invalid.length).toBeGreaterThan(30);
      expect(invalid.filter((s) => normalizeEmail(s) !== null)).toEqual([]);
    });
  });

  describe('InboxSDK isValidEmail cases', () => {
    it('rejects its invalid ones', () => {
      expect(inboxsdk.isValidEmail.invalid.map(normalizeEmail)).toEqual(inboxsdk.isValidEmail.invalid.map(() => null));
    });

    it('accepts its valid ones except dotless domains and quoted local parts', () => {
      const accepted = inboxsdk.isValidEmail.valid.filter((s) => normalizeEmail(s) !== null);
      expect(inboxsdk.isValidEmail.valid.filter((s) => !accepted.includes(s))).toEqual(['monkeys@com', '"<monkeys"@c-om']);
    });
  });
});

describe('parseContactString', () => {
  it.each(inboxsdk.extractContactFromEmailContactString.map((c) => [c.input, c.expected] as const))('parses InboxSDK case %j', (input, expected) => {
    const parsed = parseContactString(input);
    if (typeof expected === 'string') expect(parsed).toBeNull();
    else expect(parsed).toEqual({ name: expected.name, email: expected.emailAddress });
  });

  it('unquotes a quoted display name when it contains escapes', () => {
    expect(parseContactString('"Jensen, Maria \\"MJ\\"" <Maria@Nordlicht-Moebel.de>')).toEqual({ name: 'Jensen, Maria "MJ"', email: 'maria@nordlicht-moebel.de' });
  });

  it('reads the name from a trailing comment when the address comes first', () => {
    expect(parseContactString('tom@becker-baeckerei.de (Tom Becker)')).toEqual({ name: 'Tom Becker', email: 'tom@becker-baeckerei.de' });
  });

  it('parses validator.js display-name forms when there is no space before the bracket', () => {
    expect(parseContactString("'Foo Bar, Esq'<foo@bar.com>")).toEqual({ name: 'Foo Bar, Esq', email: 'foo@bar.com' });
    expect(parseContactString('"<displayNameInBrackets>"<jh@gmail.com>')).toEqual({ name: '<displayNameInBrackets>', email: 'jh@gmail.com' });
  });

  it('returns null when the bracketed address is invalid', () => {
    expect(parseContactString('Maria <not an address>')).toBeNull();
    expect(parseContactString('Maria <>')).toBeNull();
  });
});
