import type { Company, Customer, Note } from '../model/records';
import type { CrmDatabase } from './schema';
import { guard } from './errors';
import { isLive } from './shared';

/** A company with its live contacts and their notes, as the company card needs them. */
export interface CompanyRecords {
  company: Company;
  contacts: Customer[];
  notes: Note[];
}

/**
 * The live company that owns a registrable domain, with its contacts and their notes; null if
 * no company has the domain. One indexed query on the multi-entry `domains` index, one on
 * `companyId`, one `anyOf` on the notes' `customerId`.
 */
export function findCompanyByDomain(db: CrmDatabase, domain: string): Promise<CompanyRecords | null> {
  return guard(() =>
    db.transaction('r', [db.companies, db.customers, db.notes], async () => {
      const candidates = await db.companies.where('domains').equals(domain).toArray();
      // Two companies with one domain would be an import mistake; the newest edit wins, as for emails.
      const company = candidates.filter(isLive).sort((a, b) => b.updatedAt - a.updatedAt)[0];
      if (!company) return null;
      const contacts = (await db.customers.where('companyId').equals(company.id).toArray()).filter(isLive);
      const ids = contacts.map((c) => c.id);
      const notes = ids.length === 0 ? [] : (await db.notes.where('customerId').anyOf(ids).toArray()).filter(isLive);
      return { company, contacts, notes };
    }),
  );
}
