import { useId, useRef, useState } from 'preact/hooks';
import type { PageView, SiteContext } from '../../lib/messaging/protocol';
import { AddCustomerForm } from './add-customer-form';
import { CompanyCard } from './company-card';
import { CustomerCard } from './customer-card';
import { CustomerSearch } from './customer-search';
import { PersonSwitcher, personTabId, selectedPersonIndex } from './person-switcher';
import type { CardState, SidebarCallbacks, SidebarProps } from './types';
import './sidebar.css';

function Loading({ label }: { label: string }) {
  return (
    <div class="state state--loading" role="status" aria-live="polite">
      <div class="skeleton" aria-hidden="true">
        <span class="skeleton__line skeleton__line--title" />
        <span class="skeleton__line" />
        <span class="skeleton__line skeleton__line--short" />
      </div>
      <p class="state__text">{label}</p>
    </div>
  );
}

function Failure({ message }: { message: string }) {
  return (
    <div class="state state--error" role="alert">
      <p class="state__title">Something went wrong</p>
      <p class="state__text">{message}</p>
    </div>
  );
}

const EMPTY_TEXT: Record<PageView, { title: string; text: string }> = {
  inbox: { title: "Open an email to see who you're writing with", text: 'Their orders, history and your notes appear here.' },
  other: { title: "Open an email to see who you're writing with", text: 'Their orders, history and your notes appear here.' },
  compose: { title: 'Add a recipient', text: "Once the email has a recipient, you'll see who they are here." },
  thread: { title: 'No one found in this conversation', text: 'We could not read any email addresses in this thread.' },
};

/** Outside Gmail there is no email to open: the page's adapter found no one. */
const EMPTY_SITE_TEXT = {
  title: 'No customer found on this page',
  text: 'Customers appear here when the page shows their email address.',
};

function Empty({ view, site }: { view: PageView; site?: SiteContext['site'] }) {
  const { title, text } = site && site !== 'gmail' ? EMPTY_SITE_TEXT : EMPTY_TEXT[view];
  return (
    <div class="state state--empty">
      <span class="state__icon" aria-hidden="true" />
      <p class="state__title">{title}</p>
      <p class="state__text">{text}</p>
    </div>
  );
}

type PanelProps = Pick<SidebarCallbacks, 'onCreateCustomer' | 'onAddNote' | 'onUpdateNote' | 'onDeleteNote' | 'onLogInteraction' | 'onSetConsent'> & {
  card: CardState;
  now: number;
  locale?: string;
};

function Panel({ card, now, locale, onCreateCustomer, onAddNote, onUpdateNote, onDeleteNote, onLogInteraction, onSetConsent }: PanelProps) {
  switch (card.kind) {
    case 'loading':
      return <Loading label="Loading customer…" />;
    case 'error':
      return <Failure message={card.message} />;
    case 'unknown':
      // Keyed by address so a half-typed form never carries over to another person.
      return <AddCustomerForm key={card.person.email} person={card.person} prefill={card.prefill} onCreate={onCreateCustomer} />;
    case 'card': {
      const customerId = card.card.customer.id;
      return (
        <CustomerCard
          // A new customer gets fresh drafts; refreshes of the same one keep them.
          key={customerId}
          card={card.card}
          now={now}
          locale={locale}
          onAdd={(body) => onAddNote(customerId, body)}
          onUpdate={onUpdateNote}
          onDelete={onDeleteNote}
          onLogInteraction={onLogInteraction && ((kind, summary) => onLogInteraction(customerId, kind, summary))}
          onSetConsent={onSetConsent && ((consent) => onSetConsent(customerId, consent))}
        />
      );
    }
  }
}

/** The sidebar shown in the iframe beside Gmail. Pure view: state in, events out. */
export function Sidebar({ state, now, locale, onSelect, onCollapse, site, onOpenCustomer, search, onSearch, onChooseCustomer, ...writes }: SidebarProps) {
  const baseId = useId();
  const panelId = `${baseId}-panel`;
  const clock = now ?? Date.now();
  const [searchOpen, setSearchOpen] = useState(false);
  const searchButton = useRef<HTMLButtonElement>(null);
  const canSearch = search !== undefined && onSearch !== undefined && onChooseCustomer !== undefined;
  // A page with nobody on it shows the search in place of a card; elsewhere it opens on demand.
  const searchInline = canSearch && state.kind === 'empty' && !site?.company;
  const searchBox =
    canSearch && (searchInline || searchOpen) ? (
      <CustomerSearch
        state={search}
        onQuery={onSearch}
        autoFocus={!searchInline}
        onClose={() => {
          // Escape in the empty box: closed, and focus back on the button that opened it.
          setSearchOpen(false);
          searchButton.current?.focus();
        }}
        onChoose={(choice) => {
          setSearchOpen(false);
          onSearch('');
          onChooseCustomer(choice);
        }}
      />
    ) : null;

  let body;
  if (state.kind === 'loading') body = <Loading label="Loading…" />;
  else if (state.kind === 'error') body = <Failure message={state.message} />;
  // A company page with no one on it: the company card alone says who this is.
  else if (state.kind === 'empty') body = site?.company ? null : <Empty view={state.view} site={site?.site} />;
  else {
    const many = state.people.length > 1;
    const tabId = personTabId(baseId, selectedPersonIndex(state.people, state.selectedEmail));
    body = (
      <>
        {many && (
          <PersonSwitcher
            people={state.people}
            selectedEmail={state.selectedEmail}
            onSelect={onSelect}
            panelId={panelId}
            idPrefix={baseId}
          />
        )}
        <div
          id={panelId}
          class="panel"
          role={many ? 'tabpanel' : undefined}
          aria-labelledby={many ? tabId : undefined}
        >
          <Panel card={state.card} now={clock} locale={locale} {...writes} />
        </div>
      </>
    );
  }

  if (searchInline) {
    body = (
      <>
        {body}
        {searchBox}
      </>
    );
  }

  return (
    <div class="sidebar">
      <header class="topbar">
        <span class="topbar__title">Customer</span>
        {canSearch && !searchInline && (
          <button
            ref={searchButton}
            type="button"
            class="icon-button"
            aria-label="Find a customer"
            title="Find a customer"
            aria-expanded={searchOpen}
            onClick={() => setSearchOpen(!searchOpen)}
          >
            <span aria-hidden="true">⌕</span>
          </button>
        )}
        <button type="button" class="icon-button" aria-label="Collapse sidebar" title="Collapse sidebar" onClick={onCollapse}>
          <span aria-hidden="true">»</span>
        </button>
      </header>
      <main class="sidebar__body">
        {!searchInline && searchBox}
        {site?.company && <CompanyCard card={site.company} locale={locale} onOpenContact={onOpenCustomer} />}
        {body}
      </main>
    </div>
  );
}
