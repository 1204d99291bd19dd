import { companyDomain } from '../email/company';
import { Company, type Customer } from '../model/records';
import type { CrmDatabase } from './schema';
import { DbError, guard } from './errors';
import { isLive, newId } from './shared';

export function getCompany(db: CrmDatabase, id: string): Promise<{ company: Company; contacts: Customer[] }> {
  return guard(() =>
    db.transaction('r', [db.companies, db.customers], async () => {
      const company = await db.companies.get(id);
      if (!isLive(company)) throw new DbError('not_found', 'This company no longer exists.');
      const contacts = (await db.customers.where('companyId').equals(id).toArray()).filter(isLive);
      return { company, contacts };
    }),
  );
}

/** Typed domains as registrable ones without repeats, or the first one's reason (lib/email/company). */
function registrableDomains(typed: readonly string[]): string[] {
  const domains = typed.map((raw) => {
    const checked = companyDomain(raw);
    if (!checked.ok) throw new DbError('invalid', checked.reason);
    return checked.domain;
  });
  return [...new Set(domains)];
}

/** A domain belongs to one company. Call inside a transaction that includes companies. */
async function refuseTakenDomains(db: CrmDatabase, domains: readonly string[], ownId: string | null): Promise<void> {
  if (domains.length === 0) return;
  const owners = (await db.companies.where('domains').anyOf([...domains]).toArray()).filter((c) => isLive(c) && c.id !== ownId);
  if (owners[0]) throw new DbError('conflict', `${owners[0].domains.find((d) => domains.includes(d))} already belongs to ${owners[0].name}.`, owners[0].id);
}

/**
 * Renames a company or sets its domains (registrable, lower-case; a domain belongs to one
 * company; free-mail domains are refused).
 */
export function updateCompany(db: CrmDatabase, id: string, patch: { name?: string | undefined; domains?: string[] | undefined }, now: number): Promise<Company> {
  return guard(() => {
    const domains = patch.domains && registrableDomains(patch.domains);
    return db.transaction('rw', [db.companies], async () => {
      const company = await db.companies.get(id);
      if (!isLive(company)) throw new DbError('not_found', 'This company no longer exists.');
      if (domains) await refuseTakenDomains(db, domains, id);
      const next = Company.parse({ ...company, ...(patch.name ? { name: patch.name } : {}), ...(domains ? { domains } : {}), updatedAt: now });
      await db.companies.put(next);
      return next;
    });
  });
}

/**
 * A company made by hand, before any of its people are customers. The same rules as an edit
 * hold for its domains; a second live company of the same name is refused, because contacts
 * are matched to companies by name on edits and imports and would go to either one.
 */
export function createCompany(db: CrmDatabase, input: { name: string; domains: string[] }, now: number): Promise<Company> {
  return guard(() => {
    const name = input.name.trim();
    if (name === '') throw new DbError('invalid', 'A company needs a name.');
    const domains = registrableDomains(input.domains);
    return db.transaction('rw', [db.companies], async () => {
      const key = name.toLowerCase();
      const same = await db.companies.filter((c) => isLive(c) && c.name.trim().toLowerCase() === key).first();
      if (same) throw new DbError('conflict', `${same.name} already exists.`, same.id);
      await refuseTakenDomains(db, domains, null);
      const company = Company.parse({ id: newId(), name, domains, createdAt: now, updatedAt: now, deletedAt: null });
      await db.companies.add(company);
      return company;
    });
  });
}
