import { describe, expect, it } from 'vitest';
import { companyDomain, companyNameFromDomain, guessCompanyFromEmail, isFreeMailDomain, registrableDomain } from '../../../lib/email/company';

describe('registrableDomain', () => {
  it.each([
    ['shop.acme.co.uk', 'acme.co.uk'],
    ['acme.co.uk', 'acme.co.uk'],
    ['WWW.Nordlicht-Moebel.DE.', 'nordlicht-moebel.de'],
    ['mail.xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['acme.myshopify.com', 'acme.myshopify.com'],
  ])('returns the public-suffix-aware domain of %s', (host, expected) => {
    expect(registrableDomain(host)).toBe(expected);
  });

  it.each([['localhost'], ['192.168.1.10'], ['co.uk'], ['']])('returns null when %j has no registrable domain', (host) => {
    expect(registrableDomain(host)).toBeNull();
  });
});

describe('isFreeMailDomain', () => {
  it.each([
    'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'hotmail.de', 'live.com',
    'msn.com', 'yahoo.com', 'yahoo.co.jp', 'yahoo.de', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com',
    'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'gmx.at', 'web.de', 'mail.ru', 'yandex.ru', 'yandex.com.tr',
    'zoho.com', 'fastmail.com', 'hey.com', 'qq.com', '163.com', 't-online.de', 'orange.fr', 'free.fr', 'libero.it',
  ])('is true for %s', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
  });

  it('is true for a subdomain of a free-mail domain', () => {
    expect(isFreeMailDomain('mail.yahoo.co.uk')).toBe(true);
  });

  it.each(['nordlicht-moebel.de', 'acme.co.uk', 'google.com', 'microsoft.com', 'livenation.com', 'example-shop.com'])(
    'is false for the business domain %s',
    (domain) => {
      expect(isFreeMailDomain(domain)).toBe(false);
    },
  );
});

describe('guessCompanyFromEmail', () => {
  it('names the company from the registrable domain when the address is at a subdomain', () => {
    expect(guessCompanyFromEmail('jo@shop.acme-tools.co.uk')).toEqual({ name: 'Acme Tools', domain: 'acme-tools.co.uk' });
  });

  it('guesses the demo unknown person’s company when given their address', () => {
    expect(guessCompanyFromEmail('jonas.weber@kaffeerad.de')).toEqual({ name: 'Kaffeerad', domain: 'kaffeerad.de' });
  });

  it.each(['lena.vogel@gmail.com', 'a@hotmail.co.uk', 'b@yahoo.fr', 'c@gmx.ch'])('returns null for free mail %s', (email) => {
    expect(guessCompanyFromEmail(email)).toBeNull();
  });

  it('returns null when the text is not an address', () => {
    expect(guessCompanyFromEmail('kaffeerad.de')).toBeNull();
    expect(guessCompanyFromEmail('me@localhost')).toBeNull();
  });
});

describe('companyNameFromDomain', () => {
  it('title-cases each hyphenated word when the label has several', () => {
    expect(companyNameFromDomain('nordlicht-moebel.de')).toBe('Nordlicht Moebel');
    expect(companyNameFromDomain('becker--baeckerei.de')).toBe('Becker Baeckerei');
  });
});

describe('companyDomain', () => {
  it.each([
    ['acme.de', 'acme.de'],
    ['  Shop.Acme.co.uk ', 'acme.co.uk'],
    ['https://www.acme.de/kontakt?x=1', 'acme.de'],
    ['HTTP://Acme.com:8080', 'acme.com'],
    ['müller.de', 'xn--mller-kva.de'],
    ['acme.myshopify.com', 'acme.myshopify.com'],
  ])('keeps %s as %s', (typed, domain) => {
    expect(companyDomain(typed)).toEqual({ ok: true, domain });
  });

  it.each([
    ['', '“” is not a domain.'],
    ['localhost', '“localhost” is not a domain.'],
    ['co.uk', '“co.uk” is not a domain.'],
    ['192.168.0.1', '“192.168.0.1” is not a domain.'],
    ['acme de', '“acme de” is not a domain.'],
    ['mail.gmail.com', 'gmail.com is a free-mail domain'],
    ['yahoo.co.uk', 'yahoo.co.uk is a free-mail domain'],
  ])('refuses %s, saying why', (typed, reason) => {
    const checked = companyDomain(typed);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.reason).toContain(reason);
  });
});
