import { useState } from 'preact/hooks';
import type { Drift } from '../../lib/sidebar/drift';
import { siteById } from '../../lib/sites/registry';

/**
 * The page should show people and the sidebar found none: the site probably changed its markup.
 * Says so plainly, leaves the search below for a customer by name or address, and offers the
 * diagnostic (selector counts only) for a bug report. If the clipboard refuses, the diagnostic is
 * shown to copy by hand.
 */
export function DriftNotice({ drift, diagnostic, onCopy }: { drift: Drift; diagnostic: string; onCopy?: (drift: Drift) => Promise<void> }) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const label = siteById(drift.site)?.label ?? 'This site';
  const copyIt = async () => {
    try {
      if (!onCopy) throw new Error('No clipboard here.');
      await onCopy(drift);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };
  return (
    <div class="state state--drift" role="status">
      <p class="state__title">This page could not be read</p>
      <p class="state__text">
        {label} shows a conversation here, but the sidebar found no one in it: {label} may have changed its layout. Find the
        customer by name or address below.
      </p>
      <div class="drift__row">
        <button type="button" class="button" onClick={() => void copyIt()}>
          Copy diagnostic
        </button>
        {copy === 'copied' && <span class="muted">Copied: counts of page elements only, nothing from the page.</span>}
      </div>
      {copy === 'failed' && (
        <label class="drift__manual">
          <span>Copy this for a bug report (counts of page elements only):</span>
          <textarea class="input" readOnly rows={6} value={diagnostic} onFocus={(event) => event.currentTarget.select()} />
        </label>
      )}
    </div>
  );
}
