import { describe, expect, it } from 'vitest';
import { findCustomersByEmails, getCustomerCard } from '../../../lib/db/index';
import { createSampleBusiness, SAMPLE_PEOPLE } from '../../../lib/sample/business';
import { loadSampleBusiness } from '../../../lib/background/sample';
import { toShopifyExports } from '../../../lib/sample/shopify-export';
import { detectFormat } from '../../../lib/import/formats/index';
import { freshDatabase, NOW } from '../db/factories';
import Papa from 'papaparse';

describe('loadSampleBusiness', () => {
  it('writes Shopify-format exports that the importer recognizes', () => {
    const files = toShopifyExports(createSampleBusiness(NOW));
    expect(detectFormat(Papa.parse<string[]>(files.customers, { preview: 1 }).data[0] ?? [])?.id).toBe('shopify-customers');
    expect(detectFormat(Papa.parse<string[]>(files.orders, { preview: 1 }).data[0] ?? [])?.id).toBe('shopify-orders');
  });

  it('loads every sample customer and order through the import, with the demo people’s facts', async () => {
    const db = freshDatabase();
    const business = createSampleBusiness(NOW);
    const loaded = await loadSampleBusiness(db, NOW);
    expect(loaded.customers).toBe(business.customers.length);
    expect(await db.customers.count()).toBe(business.customers.length);

    const found = await findCustomersByEmails(db, [SAMPLE_PEOPLE.maria.email, SAMPLE_PEOPLE.tom.email, SAMPLE_PEOPLE.lena.email, 'jan.petersen@gmx.de']);
    const maria = found.get(SAMPLE_PEOPLE.maria.email);
    const card = await getCustomerCard(db, maria?.id ?? '');
    expect(card?.customer).toMatchObject({ name: SAMPLE_PEOPLE.maria.name, preferredChannel: 'phone', tags: ['wholesale', 'key account'] });
    expect(card?.company?.name).toBe(SAMPLE_PEOPLE.maria.company);
    expect(card?.customer.stats.orderCount).toBe(14);
    expect(card?.notes[0]).toMatchObject({ body: SAMPLE_PEOPLE.maria.pinnedNote, pinned: true });
    expect(card?.interactions).toHaveLength(3);
    expect(found.get(SAMPLE_PEOPLE.tom.email)?.name).toBe(SAMPLE_PEOPLE.tom.name);
    expect(found.get(SAMPLE_PEOPLE.lena.email)?.companyId).toBeNull();
    expect(found.get('jan.petersen@gmx.de')?.name).toBe('Jan Petersen');
  });
});
