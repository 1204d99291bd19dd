import { addInteraction, addNote, beginRun, commitImport, type CrmDatabase, findCustomersByEmails, stageChunk, updateCustomer } from '../db/index';
import type { FormatId } from '../import/format';
import { runCsvImport } from '../import/job';
import { createSampleBusiness } from '../sample/business';
import { toShopifyExports } from '../sample/shopify-export';

/**
 * Loads the sample business the way an owner loads theirs: as a Shopify customers export and
 * a Shopify orders export, through the import path (parse, stage, one-transaction commit).
 * What a Shopify export does not carry (second addresses, preferred channel, logged
 * interactions, notes) is then added through the ordinary write path, as the owner would.
 */
export async function loadSampleBusiness(db: CrmDatabase, now: number): Promise<{ customers: number; orders: number }> {
  const business = createSampleBusiness(now);
  const files = toShopifyExports(business);
  const importId = `sample-${crypto.randomUUID()}`;
  // Alive while it loads, so an import begun meanwhile does not sweep its chunks.
  await beginRun(db, importId, now);
  const parts: [string, FormatId, number][] = [
    [files.customers, 'shopify-customers', 0],
    [files.orders, 'shopify-orders', 1000],
  ];
  for (const [text, format, firstSeq] of parts) {
    const outcome = await runCsvImport(new Blob([text]), { format, mapping: null, options: { currency: 'EUR' }, encoding: 'utf-8', sourceOverride: 'sample' }, {
      deliver: (batch) => stageChunk(db, importId, firstSeq + batch.seq, { kind: 'drafts', customers: batch.customers, orders: batch.orders }),
    });
    if (outcome.badCount > 0) throw new Error(`The sample ${format} file has bad rows: ${outcome.bad[0]?.reason ?? ''}`);
  }
  const summary = await commitImport(db, importId, now);

  const imported = await findCustomersByEmails(db, business.customers.flatMap((c) => c.emails.slice(0, 1)));
  const idOf = new Map<string, string>();
  for (const sample of business.customers) {
    const customer = imported.get(sample.emails[0] ?? '');
    if (!customer) continue;
    idOf.set(sample.id, customer.id);
    if (sample.emails.length > 1 || sample.preferredChannel !== null) {
      await updateCustomer(db, customer.id, { emails: sample.emails, preferredChannel: sample.preferredChannel }, now);
    }
  }
  for (const interaction of business.interactions) {
    const customerId = idOf.get(interaction.customerId);
    if (customerId) await addInteraction(db, { customerId, kind: interaction.kind, at: interaction.at, summary: interaction.summary }, now);
  }
  for (const note of business.notes) {
    const customerId = idOf.get(note.customerId);
    if (customerId) await addNote(db, { customerId, body: note.body, pinned: note.pinned }, now);
  }
  return { customers: summary.customersCreated, orders: summary.ordersCreated };
}
