import type { PageReport } from '../messaging/protocol';
import type { RoomStrategy } from '../mount/room';
import type { ContentUiState } from '../ui-state';
import type { SiteDescriptor } from './site';

/** What runs in a site's pages (see lib/sites/site.ts for the descriptor it carries). */

/** What one scan of a page found. */
export interface SiteScan {
  report: PageReport;
  /** The page's host, for company recognition; null where the host says nothing about a customer. */
  host: string | null;
}

/** How the shared page watcher (lib/sites/watch.ts) is tuned for a site. */
export interface WatchTuning {
  /** Quiet time that ends a burst of changes. */
  debounceMs?: number;
  /** Attributes whose change matters; other attribute churn wakes nothing. */
  attributeFilter?: readonly string[];
  /** Whether text edits inside the body count; default true. */
  characterData?: boolean;
  /** Nodes outside <body> to watch as well (Gmail's <title>). */
  alsoObserve?: (doc: Document) => readonly Node[];
  /**
   * A cheap probe of what the page shows, read from the DOM on every change (the open thread's
   * id): when it changes, the page is reported at once rather than after the quiet time. From the
   * DOM, not the URL: a mail app changes its URL before it renders the thread.
   */
  identity?: (doc: Document) => string;
}

/** What a site adds beside the sidebar (Gmail's inbox tier marks), started once the frame mounted. */
export interface SiteExtras {
  /** The state pushed by the background at mount and on change (collapsed, settings). */
  onState?(state: ContentUiState): void;
  /** After every burst of page changes, even when the people did not change. */
  onSettle?(): void;
}

export interface SiteAdapter {
  readonly site: SiteDescriptor;
  /**
   * The finder: pure over the document and URL, never throws. Null: not this site's page (an
   * opt-in adapter that does not claim it; the next one in line reads it).
   */
  scan(doc: Document, url: string): SiteScan | null;
  readonly watch: WatchTuning;
  /** How the site's pages make room for the open sidebar (lib/sites/<id>/room.ts, lib/mount/room.ts). */
  readonly room: RoomStrategy;
  /** Site-specific extras, started with the sidebar; they own their listeners through `signal`. */
  extras?(doc: Document, signal: AbortSignal): SiteExtras;
  /**
   * How many elements each of the adapter's selectors matches, when the page should show people
   * (its URL says a conversation is open) and the structure the finder reads is missing: the
   * site changed its markup. Null when nothing is missing. Counts only, never page content.
   */
  diagnose?(doc: Document, url: string): Record<string, number> | null;
  /**
   * Whether the page shows a dark theme, so the sidebar beside it turns dark too; read when the
   * page is first read and after every burst of changes. Without it the sidebar follows the system.
   */
  isDark?(doc: Document): boolean;
}

/** How many elements each selector matches (a drift diagnosis: counts, never content). */
export function countSelectors(doc: ParentNode, selectors: Readonly<Record<string, string>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [key, selector] of Object.entries(selectors)) {
    try {
      counts[key] = doc.querySelectorAll(selector).length;
    } catch {
      counts[key] = 0;
    }
  }
  return counts;
}
