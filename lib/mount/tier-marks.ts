import type { TierMark } from '../messaging/vocabulary';

/**
 * Draws the small tier letters beside customers in a host page's list (Gmail's inbox rows).
 *
 * Each mark is its own element with a closed shadow root: the page's CSS cannot restyle it,
 * and the page's scripts see an empty `crm-tier-mark` element, not the letter (the mark's
 * presence itself is visible, which the setting says). Built with createElement and
 * textContent only: Gmail enforces Trusted Types. The tier is kept in a WeakMap, not an
 * attribute, for the same reason the letter hides in the shadow root.
 */

export const TIER_MARK_TAG = 'crm-tier-mark';

const COLORS: Record<TierMark, string> = { A: '#1a73e8', B: '#188038', C: '#5f6368' };

export interface MarkRequest {
  anchor: Element;
  tier: TierMark;
}

export interface TierMarks {
  /** Makes the page show exactly these marks: keeps the ones already right, removes the rest. */
  apply(requests: readonly MarkRequest[]): void;
  /** Removes every mark. */
  clear(): void;
}

export function createTierMarks(doc: Document): TierMarks {
  const tiers = new WeakMap<Element, TierMark>();
  const live = new Set<Element>();

  function build(tier: TierMark): Element {
    const host = doc.createElement(TIER_MARK_TAG);
    // Inline on the host: no stylesheet of ours reaches Gmail's document.
    host.style.cssText = 'display:inline-block;margin:0 4px 0 0;padding:0;border:0;vertical-align:baseline;';
    const shadow = host.attachShadow({ mode: 'closed' });
    const badge = doc.createElement('span');
    badge.textContent = tier;
    badge.title = `Tier ${tier} customer (Local CRM)`;
    badge.setAttribute('role', 'img');
    badge.setAttribute('aria-label', `Tier ${tier} customer`);
    badge.style.cssText =
      `display:inline-block;min-width:14px;padding:0 3px;border-radius:3px;background:${COLORS[tier]};` +
      'color:#fff;font:600 10px/14px system-ui,Arial,sans-serif;text-align:center;letter-spacing:0;';
    shadow.append(badge);
    tiers.set(host, tier);
    return host;
  }

  function remove(host: Element) {
    host.remove();
    live.delete(host);
  }

  return {
    apply(requests) {
      const keep = new Set<Element>();
      for (const { anchor, tier } of requests) {
        try {
          // Before the name, not after: Gmail cuts long participant lists with an ellipsis,
          // and a mark at the end would be the first thing cut.
          const existing = anchor.previousElementSibling;
          if (existing && live.has(existing) && tiers.get(existing) === tier) {
            keep.add(existing);
            continue;
          }
          const host = build(tier);
          anchor.before(host);
          live.add(host);
          keep.add(host);
        } catch {
          // An anchor Gmail just detached: the next burst places the mark again.
        }
      }
      for (const host of [...live]) if (!keep.has(host)) remove(host);
    },
    clear() {
      for (const host of [...live]) remove(host);
    },
  };
}
