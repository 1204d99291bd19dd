import type { TierMark } from '../../messaging/vocabulary';
import { findThreadListPeople } from './finder';
import { ATTR, ME_NAME, SELECTOR } from './selectors';
import { cleanAddress } from '../text';

/**
 * Which thread-list rows get which tier mark. Pure: reads attributes only and never throws.
 * One mark per row, beside the first participant who is a customer with a tier: a row lists
 * up to three people ("Maria, me, Tom (3)") and one small letter is all the row has room for.
 */

export interface MarkPlacement {
  /** The participant element the mark goes beside. */
  anchor: Element;
  email: string;
  tier: TierMark;
}

/** The row participants worth asking about: every address but the user's own, once each. */
export function inboxAddresses(root: ParentNode): string[] {
  return findThreadListPeople(root).people.map((p) => p.email);
}

export function planInboxMarks(root: ParentNode, marks: ReadonlyMap<string, TierMark>): MarkPlacement[] {
  const placements: MarkPlacement[] = [];
  if (marks.size === 0) return placements;
  try {
    for (const row of Array.from(root.querySelectorAll(SELECTOR.threadListRow))) {
      for (const el of Array.from(row.querySelectorAll(SELECTOR.threadListSenders))) {
        if (el.getAttribute(ATTR.name) === ME_NAME) continue;
        const email = cleanAddress(el.getAttribute(ATTR.email));
        const tier = email === null ? undefined : marks.get(email);
        if (email === null || tier === undefined) continue;
        placements.push({ anchor: el, email, tier });
        break;
      }
    }
  } catch {
    // An unrecognized list gets no marks rather than an error in Gmail's console.
  }
  return placements;
}
