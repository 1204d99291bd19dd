import type { ConsentPatch, CustomerCard, CustomerChoice, NewCustomer, PageView, SiteContext, TabPerson } from '../../lib/messaging/protocol';
import type { SearchState } from '../../lib/sidebar/search-store';

import type { InteractionKind, Reminder } from '../../lib/model/records';

/** What the add-customer form starts with for a person who is not a customer yet. */
export interface CustomerPrefill {
  name: string;
  email: string;
  companyName: string | null;
}

/** The right-hand panel for the selected person. */
export type CardState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'card'; card: CustomerCard }
  | { kind: 'unknown'; person: TabPerson; prefill: CustomerPrefill };

export type SidebarState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'empty'; view: PageView }
  | { kind: 'people'; people: TabPerson[]; selectedEmail: string; card: CardState };

export interface NotePatch {
  body?: string;
  pinned?: boolean;
}

/**
 * The events the sidebar emits. The async ones reject with an Error whose message is shown
 * to the user, and the UI keeps whatever they typed so nothing is lost.
 */
export interface SidebarCallbacks {
  onSelect: (email: string) => void;
  onCreateCustomer: (input: NewCustomer) => Promise<void>;
  onAddNote: (customerId: string, body: string) => Promise<void>;
  onUpdateNote: (noteId: string, patch: NotePatch) => Promise<void>;
  onDeleteNote: (noteId: string) => Promise<void>;
  /** Logs a call, meeting, complaint… for a customer; the control is hidden without it. */
  onLogInteraction?: (customerId: string, kind: InteractionKind, summary: string) => Promise<void>;
  /** Sets do-not-contact and marketing permission; the control is hidden without it. */
  onSetConsent?: (customerId: string, consent: ConsentPatch) => Promise<void>;
  onCollapse: () => void;
}

export interface SidebarProps extends SidebarCallbacks {
  state: SidebarState;
  /** The page's site and company (sites beyond Gmail); the company card shows above the people. */
  site?: SiteContext | null;
  /** Opens a company contact's card. */
  onOpenCustomer?: (customerId: string, email: string | null) => void;
  /**
   * The customer search, for a page that yields nobody or a customer the page does not show
   * (DESIGN.md "Recognition": degrade to search). Hidden unless all three are given.
   */
  search?: SearchState;
  onSearch?: (query: string) => void;
  onChooseCustomer?: (choice: CustomerChoice) => void;
  /** The clock for "23 days ago"; injected so tests and screenshots are stable. */
  now?: number;
  /** Formatting locale; undefined follows the browser. */
  locale?: string;
}

/** Callbacks the notes section needs, already bound to one customer. */
export interface NoteCallbacks {
  onAdd: (body: string) => Promise<void>;
  onUpdate: (noteId: string, patch: NotePatch) => Promise<void>;
  onDelete: (noteId: string) => Promise<void>;
}

/** The notes' reminders and how to set or clear one, bound to one customer. */
export interface NoteReminders {
  /** The open reminder on each note, by note id. */
  byNote: ReadonlyMap<string, Reminder>;
  now: number;
  onSet: (noteId: string, title: string, dueAt: number) => Promise<void>;
  onClear: (id: string) => Promise<void>;
}
