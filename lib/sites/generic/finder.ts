import type { FoundPerson, PersonRole } from '../../messaging/protocol';
import { addressesInMailto, addressesInText, cleanCandidate, decodeCloudflareEmail } from './emails';
import { ATTR, SELECTOR } from './selectors';
import { forEachTextRun } from './visible-text';

/**
 * Finds the email addresses on any page: structured data first (`[itemprop=email]`, JSON-LD),
 * then `mailto:` links (and their Cloudflare-obfuscated form), then visible text. Pure: reads
 * attributes and text only (no layout, so no reflow on a big page) and never throws.
 *
 * One entry per address, with the strongest role it was found in, in page order within each
 * role; cut to the protocol's 500 so a page full of addresses still reports its best ones.
 */

export const MAX_PEOPLE = 500;
const MAX_NAME = 200;

/** Stronger first: a marked-up address is more likely the page's own contact than one in prose. */
const ROLE_RANK: Record<Extract<PersonRole, 'itemprop' | 'json_ld' | 'mailto' | 'text'>, number> = {
  itemprop: 0,
  json_ld: 1,
  mailto: 2,
  text: 3,
};
type FoundRole = keyof typeof ROLE_RANK;

interface Entry {
  email: string;
  name: string;
  role: FoundRole;
  order: number;
}

export function findPageEmails(root: ParentNode): FoundPerson[] {
  try {
    return find(root);
  } catch {
    return [];
  }
}

class Collector {
  private readonly byEmail = new Map<string, Entry>();
  private order = 0;

  add(email: string | null, role: FoundRole, name = ''): void {
    if (!email) return;
    const known = this.byEmail.get(email);
    const cleanName = usableName(name, email);
    if (!known) {
      this.byEmail.set(email, { email, name: cleanName, role, order: this.order++ });
      return;
    }
    if (ROLE_RANK[role] < ROLE_RANK[known.role]) known.role = role;
    if (!known.name && cleanName) known.name = cleanName;
  }

  has(email: string): boolean {
    return this.byEmail.has(email);
  }

  result(): FoundPerson[] {
    return [...this.byEmail.values()]
      .sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || a.order - b.order)
      .slice(0, MAX_PEOPLE)
      .map(({ email, name, role }) => ({ email, name, role }));
  }
}

function find(root: ParentNode): FoundPerson[] {
  const found = new Collector();

  for (const el of Array.from(root.querySelectorAll(SELECTOR.itemprop))) {
    const raw = el.getAttribute(ATTR.content) ?? el.getAttribute(ATTR.href) ?? el.textContent;
    found.add(cleanCandidate(raw), 'itemprop', microdataName(el));
  }

  for (const script of Array.from(root.querySelectorAll(SELECTOR.jsonLd))) {
    for (const { email, name } of jsonLdEmails(script.textContent ?? '')) found.add(email, 'json_ld', name);
  }

  for (const link of Array.from(root.querySelectorAll(SELECTOR.mailto))) {
    const text = link.textContent ?? '';
    for (const email of addressesInMailto(link.getAttribute(ATTR.href) ?? '')) found.add(email, 'mailto', text);
  }

  for (const el of Array.from(root.querySelectorAll(SELECTOR.cloudflare))) {
    found.add(decodeCloudflareEmail(el.getAttribute(ATTR.cfemail)), 'mailto');
  }

  scanText(root, found);
  return found.result();
}

/** Visible text, read in runs that respect element boundaries (./visible-text.ts). */
function scanText(root: ParentNode, found: Collector): void {
  const start = (root as Partial<Document>).body ?? (root as Node);
  if (!start || typeof (start as Partial<Node>).nodeType !== 'number') return;
  forEachTextRun(start, (text) => {
    for (const email of addressesInText(text)) found.add(email, 'text');
  });
}

/** The `name` of the microdata item an email belongs to (`itemscope` … `itemprop="name"`). */
function microdataName(el: Element): string {
  const scope = el.closest('[itemscope]');
  const name = scope?.querySelector('[itemprop~="name"]');
  return name?.getAttribute(ATTR.content) ?? name?.textContent ?? '';
}

/** `email` properties anywhere in a JSON-LD block, with the `name` beside them. */
function jsonLdEmails(source: string): { email: string | null; name: string }[] {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return [];
  }
  const out: { email: string | null; name: string }[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    const name = typeof record.name === 'string' ? record.name : '';
    const emails = Array.isArray(record.email) ? record.email : [record.email];
    for (const email of emails) if (typeof email === 'string') out.push({ email: cleanCandidate(email), name });
    for (const [key, child] of Object.entries(record)) if (key !== 'email') visit(child, depth + 1);
  };
  visit(data, 0);
  return out;
}

function usableName(raw: string, email: string): string {
  const name = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME).trim();
  if (!name || name.includes('@') || name.toLowerCase() === email) return '';
  return name;
}
