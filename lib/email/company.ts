import { getDomain } from 'tldts';

/**
 * Company recognition from an address or a page's host. Companies are keyed by registrable
 * domain (public-suffix aware, so `shop.acme.co.uk` and `acme.co.uk` are one company), and a
 * free-mail or consumer-ISP domain never identifies a company: thousands of unrelated people
 * share `gmail.com`.
 */

/**
 * The registrable domain ("eTLD+1") of a host, lower-case, or null for hosts that have none
 * (IP addresses, `localhost`, a bare public suffix). The private section of the list counts:
 * `acme.myshopify.com` and `acme.github.io` are one business's site each, not all one company.
 */
export function registrableDomain(host: string): string | null {
  const trimmed = host.trim().replace(/\.$/, '').toLowerCase();
  if (trimmed === '') return null;
  return getDomain(trimmed, { allowPrivateDomains: true });
}

/**
 * Consumer mail and ISP domains, as registrable domains. Families with many country variants
 * (hotmail.*, yahoo.*, gmx.*, yandex.*, …) are matched by their first label in
 * FREE_MAIL_FAMILIES instead of listing every country.
 */
const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  // Google, Microsoft, Apple, Yahoo/AOL
  'gmail.com', 'googlemail.com', 'outlook.com', 'live.com', 'msn.com', 'passport.com',
  'live.co.uk', 'live.de', 'live.fr', 'live.nl', 'live.it', 'live.be', 'live.at', 'live.ch',
  'live.se', 'live.dk', 'live.no', 'live.ca', 'live.com.au', 'live.com.mx', 'live.cn',
  'icloud.com', 'me.com', 'mac.com', 'ymail.com', 'rocketmail.com', 'aol.com', 'aim.com',
  'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'comcast.net', 'cox.net',
  'charter.net', 'earthlink.net', 'optonline.net', 'frontier.com', 'windstream.net',
  // Privacy-focused and independent providers
  'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me', 'tutanota.com', 'tutanota.de',
  'tuta.io', 'tuta.com', 'fastmail.com', 'fastmail.fm', 'hey.com', 'zoho.com', 'zohomail.com',
  'mailbox.org', 'posteo.de', 'posteo.net', 'disroot.org', 'runbox.com', 'hushmail.com',
  'mail.com', 'email.com', 'usa.com', 'inbox.com', 'lavabit.com', 'duck.com',
  // German-speaking countries
  'web.de', 't-online.de', 'freenet.de', 'arcor.de', 'online.de', 'vodafone.de',
  'kabelmail.de', 'email.de', 'mail.de', 'mail.ch', 'bluewin.ch', 'gmx.net', 'a1.net', 'chello.at',
  // France, Benelux
  'orange.fr', 'orange.net', 'orange.es', 'orange.pl', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'neuf.fr', 'laposte.net', 'bbox.fr',
  'numericable.fr', 'skynet.be', 'telenet.be', 'scarlet.be', 'ziggo.nl', 'kpnmail.nl',
  'kpnplanet.nl', 'planet.nl', 'home.nl', 'hetnet.nl', 'xs4all.nl', 'casema.nl',
  // Italy, Spain, Portugal
  'libero.it', 'virgilio.it', 'tin.it', 'alice.it', 'tiscali.it', 'fastwebnet.it', 'email.it',
  'inwind.it', 'iol.it', 'telefonica.net', 'movistar.es', 'terra.es', 'sapo.pt', 'clix.pt',
  // UK, Ireland
  'btinternet.com', 'btopenworld.com', 'sky.com', 'talktalk.net', 'virginmedia.com',
  'ntlworld.com', 'blueyonder.co.uk', 'tiscali.co.uk', 'eircom.net',
  // Nordics, Central and Eastern Europe
  'telia.com', 'online.no', 'seznam.cz', 'centrum.cz', 'email.cz', 'atlas.cz', 'wp.pl',
  'o2.pl', 'onet.pl', 'interia.pl', 'op.pl', 'poczta.fm', 'tlen.pl', 'freemail.hu',
  'citromail.hu', 'abv.bg', 'ukr.net', 'i.ua', 'meta.ua',
  // Russia and CIS
  'mail.ru', 'inbox.ru', 'list.ru', 'bk.ru', 'internet.ru', 'rambler.ru', 'ya.ru',
  // Asia, Oceania, Americas
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com',
  'aliyun.com', '139.com', '189.cn', 'naver.com', 'hanmail.net', 'daum.net', 'nate.com',
  'rediffmail.com', 'bigpond.com', 'bigpond.net.au', 'optusnet.com.au', 'xtra.co.nz',
  'shaw.ca', 'rogers.com', 'sympatico.ca', 'videotron.ca', 'uol.com.br', 'bol.com.br',
  'terra.com.br', 'ig.com.br', 'prodigy.net.mx',
]);

/**
 * Providers that register the same name under many country domains (`hotmail.co.uk`,
 * `yahoo.de`, `gmx.at`, `yandex.com.tr`): any registrable domain whose first label is one of
 * these is free mail.
 */
const FREE_MAIL_FAMILIES: ReadonlySet<string> = new Set([
  'hotmail', 'outlook', 'windowslive', 'yahoo', 'gmx', 'yandex', 'googlemail', 'gmail', 'aol',
  'protonmail', 'rambler', 'wanadoo', 'tiscali',
]);

/** True when the domain (or host) belongs to a consumer mail provider. */
export function isFreeMailDomain(domain: string): boolean {
  const registrable = registrableDomain(domain);
  if (registrable === null) return false;
  if (FREE_MAIL_DOMAINS.has(registrable)) return true;
  const firstLabel = registrable.split('.')[0] ?? '';
  return FREE_MAIL_FAMILIES.has(firstLabel);
}

export type CompanyDomain = { ok: true; domain: string } | { ok: false; reason: string };

/**
 * What the owner typed as a company's domain (`Shop.Acme.co.uk`, `https://www.acme.de/kontakt`,
 * `müller.de`) as the registrable domain a company is recognized by, in ASCII (`acme.co.uk`,
 * `acme.de`, `xn--mller-kva.de`), or the reason it cannot be one. Free-mail domains are refused:
 * every gmail.com customer would become a contact of the company.
 */
export function companyDomain(typed: string): CompanyDomain {
  const trimmed = typed.trim();
  let host: string | null = null;
  try {
    // The URL parser takes the host out of a pasted address and applies IDNA (UTS #46).
    host = trimmed === '' || /\s/.test(trimmed) ? null : new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`).hostname;
  } catch {
    host = null;
  }
  const domain = host === null ? null : registrableDomain(host);
  if (domain === null) return { ok: false, reason: `“${trimmed}” is not a domain.` };
  if (isFreeMailDomain(domain)) return { ok: false, reason: `${domain} is a free-mail domain: its addresses belong to many people, so it cannot mark a company’s contacts.` };
  return { ok: true, domain };
}

export interface CompanyGuess {
  /** A display name guessed from the domain: `acme-tools.co.uk` → "Acme Tools". */
  name: string;
  /** The registrable domain. */
  domain: string;
}

/**
 * The company an address probably belongs to, from its registrable domain, or null for free
 * mail and hosts without a registrable domain. Expects a normalized address (lib/email/normalize).
 */
export function guessCompanyFromEmail(email: string): CompanyGuess | null {
  const at = email.lastIndexOf('@');
  if (at < 0) return null;
  const domain = registrableDomain(email.slice(at + 1));
  if (domain === null || isFreeMailDomain(domain)) return null;
  return { name: companyNameFromDomain(domain), domain };
}

/**
 * "acme-tools.co.uk" → "Acme Tools". A punycode label stays in its ASCII form: the browser has
 * no punycode decoder, and the name is only a guess the user edits before saving.
 */
export function companyNameFromDomain(domain: string): string {
  const label = domain.split('.')[0] ?? domain;
  return label
    .split(/[-_]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toLocaleUpperCase() + word.slice(1))
    .join(' ');
}

