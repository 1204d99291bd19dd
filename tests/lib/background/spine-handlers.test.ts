import { describe, expect, it, vi } from 'vitest';
import { spineHandlers } from '../../../lib/background/handlers/spine';
import { bulkInsert } from '../../../lib/db/index';
import type { PageReport, SidebarContext } from '../../../lib/messaging/protocol';
import { PreparedContexts } from '../../../lib/background/prepared-contexts';
import { makeCustomer } from '../db/factories';
import { heardChanges, testDeps } from './fakes';

function setup(own: string[] = []) {
  const pushToTab = vi.fn();
  const deps = testDeps(new Map(), { ownAddresses: async () => new Set(own), pushToTab });
  return { db: deps.db, deps, handlers: spineHandlers(deps), pushToTab, changes: heardChanges(deps.db) };
}

const thread = (people: PageReport['people']): PageReport => ({
  site: 'gmail',
  view: 'thread',
  threadId: 'abc',
  self: 'owner@shop.example',
  people,
});

/** Prepared contexts whose work a test can wait for. */
class WatchedContexts extends PreparedContexts<SidebarContext> {
  readonly work: Promise<unknown>[] = [];
  override prepare(tabId: number, seq: number, work: () => Promise<SidebarContext>): void {
    super.prepare(tabId, seq, () => {
      const done = work();
      this.work.push(done);
      return done;
    });
  }
}

describe('spine handlers', () => {
  it('matches the people a tab reported to customers and guesses companies for the others', async () => {
    const { db, handlers, pushToTab } = setup(['sales@shop.example']);
    const maria = makeCustomer({ name: 'Maria', emails: ['maria@nordlicht.example'] });
    await bulkInsert(db, { customers: [maria], companies: [], orders: [], interactions: [], notes: [] });
    await handlers['page.report'](
      thread([
        { email: 'Maria@Nordlicht.example', name: 'Maria J.', role: 'from' },
        { email: 'jonas.weber@kaffeerad.de', name: 'Jonas Weber', role: 'to' },
        { email: 'lena.vogel@gmail.com', name: 'Lena', role: 'cc' },
        { email: 'owner@shop.example', name: 'me', role: 'to' },
        { email: 'sales@shop.example', name: 'Sales', role: 'cc' },
      ]),
      { sender: 'content', tabId: 4 },
    );
    expect(pushToTab).toHaveBeenCalledWith(4, expect.objectContaining({ type: 'context' }));
    const context = await handlers['sidebar.context']({}, { sender: 'page', tabId: 4 });
    expect(context.people.map((p) => [p.email, p.customerId, p.companyGuess])).toEqual([
      ['maria@nordlicht.example', maria.id, null],
      ['jonas.weber@kaffeerad.de', null, 'Kaffeerad'],
      ['lena.vogel@gmail.com', null, null],
    ]);
    expect(await handlers['sidebar.context']({}, { sender: 'page', tabId: 5 })).toMatchObject({ people: [] });
  });

  it('sends the card of the person the sidebar will show along with the people', async () => {
    const { db, handlers } = setup();
    const maria = makeCustomer({ name: 'Maria', emails: ['maria@nordlicht.example'] });
    const jonas = makeCustomer({ name: 'Jonas', emails: ['jonas.weber@kaffeerad.de'] });
    await bulkInsert(db, { customers: [maria, jonas], companies: [], orders: [], interactions: [], notes: [] });
    await handlers['page.report'](
      thread([
        { email: 'lena.vogel@gmail.com', name: 'Lena', role: 'from' },
        { email: 'maria@nordlicht.example', name: 'Maria', role: 'to' },
        { email: 'jonas.weber@kaffeerad.de', name: 'Jonas', role: 'cc' },
      ]),
      { sender: 'content', tabId: 4 },
    );
    const page = { sender: 'page', tabId: 4 } as const;
    expect((await handlers['sidebar.context']({}, page)).card?.customer.id).toBe(maria.id);
    expect((await handlers['sidebar.context']({ keep: 'jonas.weber@kaffeerad.de' }, page)).card?.customer.id).toBe(jonas.id);
    expect((await handlers['sidebar.context']({ keep: 'gone@else.example' }, page)).card?.customer.id).toBe(maria.id);
    expect((await handlers['sidebar.context']({ keep: 'lena.vogel@gmail.com' }, page)).card).toBeNull();
  });

  it('answers the sidebar’s first request with the context prepared when the page reported', async () => {
    const prepared = new WatchedContexts();
    const deps = testDeps(new Map(), { prepared });
    const handlers = spineHandlers(deps);
    const maria = makeCustomer({ name: 'Maria', emails: ['maria@nordlicht.example'] });
    await bulkInsert(deps.db, { customers: [maria], companies: [], orders: [], interactions: [], notes: [] });
    await handlers['page.report'](thread([{ email: 'maria@nordlicht.example', name: 'Maria', role: 'from' }]), {
      sender: 'content',
      tabId: 4,
    });
    await Promise.all(prepared.work);
    // Written behind the handlers' back (no data push), the rename shows which answer was read.
    await deps.db.customers.update(maria.id, { name: 'Maria Renamed' });
    const page = { sender: 'page', tabId: 4 } as const;
    expect((await handlers['sidebar.context']({}, page)).card?.customer.name).toBe('Maria');
    expect((await handlers['sidebar.context']({}, page)).card?.customer.name).toBe('Maria Renamed');
  });

  it('creates a customer, announces the change, and refuses the same address twice', async () => {
    const { handlers, changes } = setup();
    const input = { name: 'Jonas', email: 'Jonas.Weber@kaffeerad.de', companyName: 'Kaffeerad', phone: null, tags: [] };
    const { customerId } = await handlers['customer.create'](input, { sender: 'page', tabId: 1 });
    expect(changes).toMatchObject([{ tables: ['companies', 'customers'], customerIds: [customerId], origin: 'local' }]);
    const card = await handlers['customer.card']({ customerId }, { sender: 'page', tabId: 1 });
    expect(card.customer.emails).toEqual(['jonas.weber@kaffeerad.de']);
    expect(card.company?.domains).toEqual(['kaffeerad.de']);
    await expect(handlers['customer.create'](input, { sender: 'page', tabId: 1 })).rejects.toMatchObject({
      code: 'invalid',
    });
  });

  it('makes a #tag in a sidebar note the customer’s tag, as the popup’s quick note does', async () => {
    const { handlers } = setup();
    const { customerId } = await handlers['customer.create']({ name: 'Jonas', email: 'jonas@kaffeerad.de', companyName: null, phone: null, tags: [] }, { sender: 'page', tabId: 1 });
    const note = await handlers['note.add']({ customerId, body: 'Wants the oak table #oak #Wholesale' }, { sender: 'page', tabId: 1 });
    expect(note.body).toBe('Wants the oak table #oak #Wholesale');
    const card = await handlers['customer.card']({ customerId }, { sender: 'page', tabId: 1 });
    expect(card.customer.tags).toEqual(['oak', 'wholesale']);
  });

  it('registers the frame token and answers with the remembered collapsed state', async () => {
    const { handlers, deps } = setup();
    const token = crypto.randomUUID();
    expect(await handlers['ui.frame']({ token }, { sender: 'content', tabId: 1 })).toEqual({ collapsed: false, inboxMarks: false });
    expect(await deps.tabs.frameAllowed(1, token)).toBe(true);
    await handlers['ui.setCollapsed']({ collapsed: true }, { sender: 'page', tabId: 1 });
    expect(await handlers['ui.frame']({ token: crypto.randomUUID() }, { sender: 'content', tabId: 2 })).toEqual({
      collapsed: true,
      inboxMarks: false,
    });
  });
});
