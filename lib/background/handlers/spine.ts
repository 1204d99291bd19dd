import {
  addQuickNote,
  createCustomer,
  deleteNote,
  findCustomersByEmails,
  getCustomerCard,
  isDatabaseEmpty,
  updateCustomer,
  updateNote,
} from '../../db/index';
import { guessCompanyFromEmail } from '../../email/company';
import { parseTags } from '../../quick-notes/tags';
import type { SidebarContext } from '../../messaging/protocol';
import { ProtocolError } from '../../messaging/router';
import type { SPINE_MESSAGES } from '../../messaging/messages/spine';
import { requireTab, withDb, type BackgroundDeps, type HandlersFor } from './types';
import { loadSampleBusiness } from '../sample';
import { pickPerson } from '../../messaging/pick-person';
import { UI_STATE_KEY } from '../../ui-state';
import { contentUiState } from '../content-ui';
import type { TabState } from '../tab-contexts';

export function spineHandlers(deps: BackgroundDeps): HandlersFor<typeof SPINE_MESSAGES> {
  /** A tab's people matched to customers, and the card of the one the sidebar will show. */
  async function sidebarContext(state: TabState, keep: string | null): Promise<SidebarContext> {
    const customers = await findCustomersByEmails(
      deps.db,
      state.people.map((p) => p.email),
    );
    const people = state.people.map((person) => {
      const customer = customers.get(person.email);
      return {
        ...person,
        customerId: customer?.id ?? null,
        customerName: customer?.name ?? null,
        // Guessed here, not in the sidebar: the public-suffix list is too big to ship in a page.
        companyGuess: customer ? null : (guessCompanyFromEmail(person.email)?.name ?? null),
      };
    });
    const shown = pickPerson(people, keep);
    const card = shown?.customerId ? await getCustomerCard(deps.db, shown.customerId) : null;
    return { view: state.view, threadId: state.threadId, seq: state.seq, people, card };
  }

  return {
    async 'page.report'(report, ctx) {
      const tabId = requireTab(ctx.tabId);
      const state = await deps.tabs.report(tabId, report, await deps.ownAddresses());
      // Ready before the sidebar asks: its frame is still loading when the page reports.
      deps.prepared?.prepare(tabId, state.seq, () => sidebarContext(state, null));
      deps.pushToTab(tabId, { type: 'context', seq: state.seq });
      return { ok: true };
    },

    async 'ui.frame'({ token }, ctx) {
      await deps.tabs.registerFrame(requireTab(ctx.tabId), token);
      return contentUiState(deps.prefs);
    },

    async 'ui.setCollapsed'({ collapsed }) {
      await deps.prefs.set({ [UI_STATE_KEY]: { collapsed } });
      return { ok: true };
    },

    async 'sidebar.context'({ keep }, ctx) {
      const tabId = requireTab(ctx.tabId);
      const state = await deps.tabs.get(tabId);
      if (!state) return { view: 'other', threadId: null, people: [], seq: 0, card: null } satisfies SidebarContext;
      const prepared = keep ? null : deps.prepared?.take(tabId, state.seq);
      return (await prepared) ?? sidebarContext(state, keep ?? null);
    },

    async 'customer.card'({ customerId }) {
      const card = await getCustomerCard(deps.db, customerId);
      if (!card) throw new ProtocolError('not_found', 'This customer no longer exists.');
      return card;
    },

    async 'customer.create'(input) {
      const customer = await withDb(() => createCustomer(deps.db, input, deps.now()));
      return { customerId: customer.id };
    },

    async 'customer.consent'({ customerId, consent }) {
      const customer = await withDb(() => updateCustomer(deps.db, customerId, { consent }, deps.now()));
      return { customer };
    },

    async 'note.add'({ customerId, body }) {
      // The same tag rule as the popup's quick note: a #tag in the note becomes the customer's tag.
      return withDb(async () => (await addQuickNote(deps.db, { customerId, body, onCompany: false, tags: parseTags(body) }, deps.now())).note);
    },

    async 'note.update'({ id, body, pinned }) {
      return withDb(() => updateNote(deps.db, id, { body, pinned }, deps.now()));
    },

    async 'note.delete'({ id }) {
      await withDb(() => deleteNote(deps.db, id, deps.now()));
      return { ok: true };
    },

    async 'sample.load'() {
      if (!(await isDatabaseEmpty(deps.db))) {
        throw new ProtocolError('invalid', 'Sample data goes only into an empty database.');
      }
      return withDb(() => loadSampleBusiness(deps.db, deps.now()));
    },
  };
}
