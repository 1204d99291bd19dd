import { isFreeMailDomain, registrableDomain } from '../email/company';
import type { Customer } from '../model/records';
import type { CrmDatabase } from './schema';
import { guard } from './errors';

export interface DuplicateGroup {
  reason: 'email' | 'name_domain';
  /** What they share: the address, or "name @ domain". */
  shared: string;
  customerIds: string[];
}

/**
 * Likely duplicates among live customers: two records with one address, or the same name at
 * the same company domain (free-mail domains never count: two "Anna Müller"s at gmail.com are
 * usually two people). A customer appears in at most one group.
 */
export function findDuplicates(db: CrmDatabase, limit = 200): Promise<DuplicateGroup[]> {
  return guard(async () => {
    const customers = (await db.customers.toArray()).filter((c) => c.deletedAt === null);
    return groupDuplicates(customers, limit);
  });
}

export function groupDuplicates(customers: readonly Customer[], limit = 200): DuplicateGroup[] {
  const byEmail = new Map<string, string[]>();
  const byNameDomain = new Map<string, string[]>();
  for (const c of customers) {
    for (const email of c.emails) push(byEmail, email, c.id);
    const name = c.name.trim().toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ');
    if (name === '') continue;
    const domains = new Set(
      c.emails.map((e) => registrableDomain(e.slice(e.lastIndexOf('@') + 1))).filter((d): d is string => d !== null && !isFreeMailDomain(d)),
    );
    for (const domain of domains) push(byNameDomain, `${name} @ ${domain}`, c.id);
  }
  const grouped = new Set<string>();
  const groups: DuplicateGroup[] = [];
  const collect = (map: Map<string, string[]>, reason: DuplicateGroup['reason']) => {
    for (const [shared, ids] of map) {
      const fresh = [...new Set(ids)].filter((id) => !grouped.has(id));
      if (fresh.length < 2) continue;
      fresh.forEach((id) => grouped.add(id));
      groups.push({ reason, shared, customerIds: fresh });
      if (groups.length >= limit) return;
    }
  };
  collect(byEmail, 'email');
  collect(byNameDomain, 'name_domain');
  return groups.slice(0, limit);
}

function push(map: Map<string, string[]>, key: string, id: string) {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
