import { signal, type Signal } from '@preact/signals';
import type { Loadable } from '../loadable';
import type { CustomerChoice, NewCustomer, QuickNoteDraft, QuickNoteInput, ReminderView } from '../messaging/protocol';
import type { SnoozeOption } from '../reminders/schedule';

/** What the popup needs from the extension. */
export interface PopupApi {
  candidates(query: string, tabId: number | null): Promise<{ onTab: CustomerChoice[]; recent: CustomerChoice[]; matches: CustomerChoice[] }>;
  save(input: QuickNoteInput): Promise<unknown>;
  draft(): Promise<QuickNoteDraft | null>;
  createCustomer(input: NewCustomer): Promise<{ customerId: string }>;
  reminders(): Promise<{ reminders: ReminderView[] }>;
  doneReminder(id: string): Promise<unknown>;
  /** Firefox's notifications have no buttons, so the popup is where a reminder is snoozed there. */
  snoozeReminder(id: string, option: SnoozeOption): Promise<unknown>;
}

export type { Loadable } from '../loadable';

export interface PickerState {
  query: string;
  onTab: CustomerChoice[];
  recent: CustomerChoice[];
  matches: CustomerChoice[];
  loading: boolean;
  error: string | null;
}

/** The note the popup opens with (from a context menu) and an address that is not a customer yet. */
export interface Opening {
  body: string;
  unknownEmail: string | null;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The popup's state: picker candidates, the chosen customer, the opening draft and the lists.
 * Picker replies are applied only if they answer the newest query (typing fast must not let
 * an older, slower search overwrite a newer one).
 */
export function createPopupStore(api: PopupApi) {
  let tabId: number | null = null;
  const picker: Signal<PickerState> = signal({ query: '', onTab: [], recent: [], matches: [], loading: true, error: null });
  const selected: Signal<CustomerChoice | null> = signal(null);
  const opening: Signal<Opening | null> = signal(null);
  const reminders: Signal<Loadable<ReminderView[]>> = signal({ kind: 'loading' });
  let generation = 0;

  async function search(query: string) {
    const gen = ++generation;
    picker.value = { ...picker.value, query, loading: true, error: null };
    try {
      const found = await api.candidates(query, tabId);
      if (gen !== generation) return;
      picker.value = { query, ...found, loading: false, error: null };
    } catch (error) {
      if (gen === generation) picker.value = { ...picker.value, loading: false, error: message(error) };
    }
  }

  async function loadLists() {
    try {
      reminders.value = { kind: 'ready', value: (await api.reminders()).reminders };
    } catch (error) {
      reminders.value = { kind: 'error', message: message(error) };
    }
  }

  /**
   * Opens with a context-menu draft if one is waiting, else the tab's first recognized customer.
   * `overTab` is the tab the popup was opened over (null when it is a tab itself).
   */
  async function init(overTab: number | null) {
    tabId = overTab;
    let draft: QuickNoteDraft | null = null;
    try {
      draft = await api.draft();
    } catch {
      // No draft is the normal case; a failure here must not block writing a note.
    }
    if (draft?.tabId != null) tabId = draft.tabId;
    if (draft) opening.value = { body: draft.body, unknownEmail: draft.customerId === null ? draft.email : null };
    await search(draft?.customerId == null && draft?.email ? draft.email : '');
    const { onTab, recent, matches } = picker.value;
    const all = [...onTab, ...recent, ...matches];
    if (draft?.customerId) selected.value = all.find((c) => c.customerId === draft.customerId) ?? null;
    else if (!draft?.email) selected.value = onTab[0] ?? null;
    void loadLists();
  }

  return {
    picker,
    selected,
    opening,
    reminders,
    init,
    search,
    /** After a change elsewhere: the same search again and fresh lists. */
    async refresh() {
      await Promise.all([search(picker.value.query), loadLists()]);
    },
    select(choice: CustomerChoice | null) {
      selected.value = choice;
    },
    /** Saves; rejects with the reason on failure so the form keeps the text. */
    async save(input: Omit<QuickNoteInput, 'customerId'>) {
      const customer = selected.value;
      if (!customer) throw new Error('Choose who the note is about.');
      await api.save({ ...input, customerId: customer.customerId });
      void loadLists();
    },
    async doneReminder(id: string) {
      await api.doneReminder(id);
      await loadLists();
    },
    async snoozeReminder(id: string, option: SnoozeOption) {
      await api.snoozeReminder(id, option);
      await loadLists();
    },
    /** "Not a customer yet": adds the address from the context menu and selects them. */
    async addUnknown(name: string) {
      const email = opening.value?.unknownEmail;
      if (!email) return;
      const { customerId } = await api.createCustomer({ name, email, companyName: null, phone: null, tags: [] });
      opening.value = { body: opening.value?.body ?? '', unknownEmail: null };
      await search(email);
      selected.value = [...picker.value.matches, ...picker.value.recent].find((c) => c.customerId === customerId) ?? null;
    },
  };
}

export type PopupStore = ReturnType<typeof createPopupStore>;
