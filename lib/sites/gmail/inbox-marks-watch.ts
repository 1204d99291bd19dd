import type { MarkRequest, TierMarks } from '../../mount/tier-marks';
import type { TierMark } from '../../messaging/vocabulary';
import { inboxAddresses, planInboxMarks } from './inbox-marks';

/**
 * Keeps the Gmail inbox tier marks in step with the page and the setting. `update()` runs after
 * every burst of page changes (the observer's debounce); it asks the background only about
 * addresses it has not asked about lately, one request at a time, and never throws.
 */

export interface InboxMarksOptions {
  doc: Document;
  signal: AbortSignal;
  /** The background's answer: tier letters of the addresses that are customers. */
  ask(emails: string[]): Promise<ReadonlyMap<string, TierMark>>;
  marks: TierMarks;
  now?: () => number;
}

export interface InboxMarksWatch {
  setEnabled(on: boolean): void;
  update(): void;
}

/** Tiers change rarely; an answer is reused this long so paging back and forth asks nothing. */
export const MARK_TTL_MS = 60_000;
/** The message accepts this many addresses (INBOX_MARKS_MAX). */
const BATCH = 300;

interface Known {
  tier: TierMark | null;
  at: number;
}

export function watchInboxMarks({ doc, signal, ask, marks, now = Date.now }: InboxMarksOptions): InboxMarksWatch {
  const known = new Map<string, Known>();
  let enabled = false;
  let asking = false;
  let again = false;
  /** Bumped when the marks are switched off, so a late answer draws nothing. */
  let generation = 0;

  const draw = () => {
    const tiers = new Map<string, TierMark>();
    for (const [email, entry] of known) if (entry.tier) tiers.set(email, entry.tier);
    const requests: MarkRequest[] = planInboxMarks(doc, tiers);
    marks.apply(requests);
  };

  const update = () => {
    if (!enabled || signal.aborted) return;
    try {
      draw();
      if (asking) {
        again = true;
        return;
      }
      const t = now();
      const missing = inboxAddresses(doc)
        .filter((email) => {
          const entry = known.get(email);
          return !entry || t - entry.at > MARK_TTL_MS;
        })
        .slice(0, BATCH);
      if (missing.length === 0) return;
      asking = true;
      const gen = generation;
      void ask(missing)
        .then(
          (answer) => {
            if (gen !== generation) return;
            for (const email of missing) known.set(email, { tier: answer.get(email) ?? null, at: t });
            draw();
          },
          () => {
            // Refused (setting just turned off) or the extension reloaded: remember the
            // addresses as unmarked for a while instead of asking again on every burst.
            if (gen !== generation) return;
            for (const email of missing) known.set(email, { tier: null, at: t });
          },
        )
        .finally(() => {
          asking = false;
          if (again) {
            again = false;
            update();
          }
        });
    } catch {
      // Never into Gmail's console.
    }
  };

  signal.addEventListener('abort', () => marks.clear(), { once: true });

  return {
    update,
    setEnabled(on) {
      if (on === enabled) return;
      enabled = on;
      if (on) {
        update();
        return;
      }
      generation += 1;
      known.clear();
      try {
        marks.clear();
      } catch {
        // Same as above.
      }
    },
  };
}
