import { effect } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { InsightsContext } from '../components/sidebar/insights-context';
import { RemindersContext } from '../components/sidebar/reminders-context';
import { ReadOnlyNotice, recoveryActions, RecoveryScreen } from '../components/recovery/recovery-screen';
import { Sidebar } from '../components/sidebar/sidebar';
import { saveBlob } from '../lib/manager/download';
import { request } from '../lib/messaging/client';
import { parsePushEvent } from '../lib/messaging/push';
import { PORT_NAME } from '../lib/messaging/vocabulary';
import { createRecoveryStore, needsRecovery } from '../lib/recovery/store';
import { readCopy } from '../lib/safety/copies';
import { followFrameTheme } from '../lib/sidebar/frame-theme';
import { createInsightsStore } from '../lib/sidebar/insights-store';
import { createRemindersStore } from '../lib/sidebar/reminders-store';
import { createCustomerSearch } from '../lib/sidebar/search-store';
import { createSidebarStore } from '../lib/sidebar/store';

/**
 * The sidebar page's script (public/sidebar.html loads it and its stylesheet). An unlisted
 * script, so WXT builds it as one file with everything it imports (and one CSS file) rather than
 * as a page sharing chunks with the others: the sidebar loads in an iframe on every Gmail load,
 * and each extra file is one more request to the browser before the first card can paint.
 */
export default defineUnlistedScript(() => {
  followFrameTheme(window);
  const store = createSidebarStore({
    context: (keep) => request('sidebar.context', { keep }),
    card: (customerId) => request('customer.card', { customerId }),
    createCustomer: (input) => request('customer.create', input),
    addNote: (customerId, body) => request('note.add', { customerId, body }),
    updateNote: (id, patch) => request('note.update', { id, ...patch }),
    deleteNote: (id) => request('note.delete', { id }),
    logInteraction: (customerId, kind, summary) => request('interaction.log', { customerId, kind, summary }),
    setConsent: (customerId, consent) => request('customer.consent', { customerId, consent }),
    setCollapsed: (collapsed) => request('ui.setCollapsed', { collapsed }),
    siteContext: () => request('site.context', {}),
  });

  // The popup's picker search serves the sidebar too: same matches (name, address, company).
  const search = createCustomerSearch({
    search: async (query) => (await request('quicknote.candidates', { query, tabId: null })).matches,
  });

  // The selected customer's tier and next action, loaded beside the card.
  const insights = createInsightsStore({
    card: (customerId) => request('insights.card', { customerId }),
    done: (customerId, ruleId) => request('insights.done', { customerId, ruleId }),
    snooze: (customerId, ruleId, factsKey, until) => request('insights.snooze', { customerId, ruleId, factsKey, until }),
    dismiss: (customerId, ruleId, factsKey) => request('insights.dismiss', { customerId, ruleId, factsKey }),
    undo: (customerId, ruleId, factsKey) => request('insights.undo', { customerId, ruleId, factsKey }),
  });
  effect(() => insights.show(store.selectedCustomerId()));

  // The selected customer's open reminders, marked on their notes and next actions.
  const reminders = createRemindersStore({
    list: (customerId) => request('reminder.forCustomer', { customerId }),
    set: (input) => request('reminder.set', input),
    clear: (id) => request('reminder.done', { id }),
  });
  effect(() => reminders.show(store.selectedCustomerId()));

  // The background pushes "your tab's page changed" and "data changed" over a port; the port
  // is also how it knows which sidebars are open. Reconnect if the service worker restarts.
  function connect() {
    const port = browser.runtime.connect({ name: PORT_NAME });
    port.onMessage.addListener((raw: unknown) => {
      const event = parsePushEvent(raw);
      if (event) store.onEvent(event);
      if (event?.type === 'data') {
        insights.changed(event);
        reminders.changed(event);
      }
    });
    port.onDisconnect.addListener(() => {
      setTimeout(() => {
        connect();
        void store.refresh(true);
      }, 250);
    });
  }
  connect();
  void store.refresh();
  // Asked beside the first context, not before it: a lost book shows the recovery screen.
  const recovery = createRecoveryStore({
    request,
    readCopy: (id) => readCopy(caches, id),
    save: saveBlob,
    now: () => Date.now(),
    onRecovered: () => location.reload(),
  });
  void recovery.load();

  function App() {
    return (
      <Sidebar
        state={store.state.value}
        site={store.site.value}
        onOpenCustomer={store.openCustomer}
        onSelect={store.select}
        onCreateCustomer={store.createCustomer}
        onAddNote={store.addNote}
        onUpdateNote={store.updateNote}
        onDeleteNote={store.deleteNote}
        onLogInteraction={store.logInteraction}
        onSetConsent={store.setConsent}
        onCollapse={store.collapse}
        search={search.state.value}
        onSearch={search.setQuery}
        onChooseCustomer={(choice) => store.openCustomer(choice.customerId, choice.email)}
      />
    );
  }

  // The selected customer's insights and reminders reach the card through context
  // (components/sidebar/insights-context.ts, reminders-context.ts).
  function WithInsights() {
    const checked = recovery.state.value;
    if (checked.kind === 'ready' && needsRecovery(checked.status)) {
      return (
        <RecoveryScreen
          state={checked}
          task={recovery.task.value}
          {...recoveryActions(recovery)}
        />
      );
    }
    return (
      <InsightsContext.Provider value={{ state: insights.state.value, onDone: insights.done, onSnooze: insights.snooze, onDismiss: insights.dismiss, onUndo: insights.undo }}>
        <RemindersContext.Provider value={{ state: reminders.state.value, onSet: reminders.set, onClear: reminders.clear }}>
          <ReadOnlyNotice status={checked.kind === 'ready' ? checked.status : null} />
          <App />
        </RemindersContext.Provider>
      </InsightsContext.Provider>
    );
  }

  const root = document.getElementById('app');
  if (root) render(<WithInsights />, root);
});
