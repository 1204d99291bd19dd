import type { CrmDatabase } from '../db/database';
import {
  addNote,
  bulkInsert,
  createCustomer,
  deleteNote,
  DbError,
  findCustomersByEmails,
  getCustomerCard,
  isDatabaseEmpty,
  updateNote,
} from '../db/repository';
import type { PushEvent, TabContext } from '../messaging/protocol';
import { ProtocolError, type Handlers } from '../messaging/router';
import { createSampleBusiness } from '../sample/business';
import { DEFAULT_UI_STATE, UI_STATE_KEY, UiState } from '../ui-state';
import type { TabContexts } from './tab-contexts';

export interface BackgroundDeps {
  db: CrmDatabase;
  tabs: TabContexts;
  /** storage.local, for the sidebar's remembered UI state. */
  local: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  ownAddresses(): Promise<ReadonlySet<string>>;
  pushToTab(tabId: number, event: PushEvent): void;
  pushToAll(event: PushEvent): void;
  now(): number;
}

function requireTab(tabId: number | null): number {
  if (tabId === null) throw new ProtocolError('invalid', 'This page is not inside a tab.');
  return tabId;
}

/** Maps storage-layer errors to protocol error codes. */
async function db<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DbError) {
      throw new ProtocolError(error.code === 'conflict' ? 'invalid' : error.code, error.message);
    }
    throw error;
  }
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  const changed = (customerIds: string[]) => deps.pushToAll({ type: 'data', customerIds });

  return {
    async 'page.report'(report, ctx) {
      const tabId = requireTab(ctx.tabId);
      const state = await deps.tabs.report(tabId, report, await deps.ownAddresses());
      deps.pushToTab(tabId, { type: 'context', seq: state.seq });
      return { ok: true };
    },

    async 'ui.get'() {
      const stored = await deps.local.get(UI_STATE_KEY);
      const state = UiState.safeParse(stored[UI_STATE_KEY]);
      return state.success ? state.data : DEFAULT_UI_STATE;
    },

    async 'ui.setCollapsed'({ collapsed }) {
      await deps.local.set({ [UI_STATE_KEY]: { collapsed } });
      return { ok: true };
    },

    async 'sidebar.context'(_request, ctx) {
      const state = await deps.tabs.get(requireTab(ctx.tabId));
      if (!state) return { view: 'other', threadId: null, people: [], seq: 0 } satisfies TabContext;
      const customers = await findCustomersByEmails(
        deps.db,
        state.people.map((p) => p.email),
      );
      return {
        view: state.view,
        threadId: state.threadId,
        seq: state.seq,
        people: state.people.map((person) => {
          const customer = customers.get(person.email);
          return {
            ...person,
            customerId: customer?.id ?? null,
            customerName: customer?.name ?? null,
          };
        }),
      };
    },

    async 'customer.card'({ customerId }) {
      const card = await getCustomerCard(deps.db, customerId);
      if (!card) throw new ProtocolError('not_found', 'This customer no longer exists.');
      return card;
    },

    async 'customer.create'(input) {
      const customer = await db(() => createCustomer(deps.db, input, deps.now()));
      changed([customer.id]);
      return { customerId: customer.id };
    },

    async 'note.add'({ customerId, body }) {
      const note = await db(() => addNote(deps.db, { customerId, body }, deps.now()));
      changed([customerId]);
      return note;
    },

    async 'note.update'({ id, body, pinned }) {
      const note = await db(() => updateNote(deps.db, id, { body, pinned }, deps.now()));
      changed([note.customerId]);
      return note;
    },

    async 'note.delete'({ id }) {
      const note = await db(() => deleteNote(deps.db, id, deps.now()));
      changed([note.customerId]);
      return { ok: true };
    },

    async 'sample.load'() {
      if (!(await isDatabaseEmpty(deps.db))) {
        throw new ProtocolError('invalid', 'Sample data goes only into an empty database.');
      }
      const sample = createSampleBusiness(deps.now());
      await db(() => bulkInsert(deps.db, sample));
      changed(sample.customers.map((c) => c.id));
      return { customers: sample.customers.length, orders: sample.orders.length };
    },
  };
}
