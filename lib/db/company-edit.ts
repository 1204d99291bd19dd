import { isFreeMailDomain, registrableDomain } from '../email/company';
import { Company, type Customer } from '../model/records';
import type { CrmDatabase } from './database';
import { DbError, guard } from './errors';
import { isLive } from './shared';

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

/**
 * Renames a company or sets its domains (registrable, lower-case; a domain belongs to one
 * company; free-mail domains are refused).
 */
export function updateCompany(db: CrmDatabase, id: string, patch: { name?: string | undefined; domains?: string[] | undefined }, now: number): Promise<Company> {
  return guard(() => {
    const domains = patch.domains?.map((raw) => {
      const domain = registrableDomain(raw.trim().toLowerCase().replace(/^https?:\/\//, '').split('/')[0] ?? '');
      if (domain === null) throw new DbError('invalid', `“${raw}” is not a domain.`);
      // A free-mail domain would make every gmail.com customer a contact of this company.
      if (isFreeMailDomain(domain)) throw new DbError('invalid', `${domain} is a free-mail domain: its addresses belong to many people, so it cannot mark a company’s contacts.`);
      return domain;
    });
    return db.transaction('rw', [db.companies], async () => {
      const company = await db.companies.get(id);
      if (!isLive(company)) throw new DbError('not_found', 'This company no longer exists.');
      if (domains) {
        const owners = (await db.companies.where('domains').anyOf(domains).toArray()).filter((c) => isLive(c) && c.id !== id);
        if (owners[0]) throw new DbError('conflict', `${owners[0].domains.find((d) => domains.includes(d))} already belongs to ${owners[0].name}.`, owners[0].id);
      }
      const next = Company.parse({ ...company, ...(patch.name ? { name: patch.name } : {}), ...(domains ? { domains: [...new Set(domains)] } : {}), updatedAt: now });
      await db.companies.put(next);
      return next;
    });
  });
}
