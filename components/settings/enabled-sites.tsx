import { useId } from 'preact/hooks';
import type { Loadable } from '../../lib/loadable';
import { builtInNames } from '../../lib/sites/registry';
import { useAction } from '../sidebar/use-action';
import './enabled-sites.css';

export interface EnabledSitesProps {
  sites: Loadable<string[]>;
  /** Removes the site: its script and the browser permission. Rejects with a message to show. */
  onRemove: (origin: string) => Promise<void>;
}

function SiteRow({ origin, onRemove }: { origin: string; onRemove: (origin: string) => Promise<void> }) {
  const action = useAction();
  return (
    <li class="enabled-site">
      <span class="enabled-site__origin">{origin}</span>
      <button type="button" class="button" disabled={action.busy} aria-label={`Remove ${origin}`} onClick={() => void action.run(() => onRemove(origin))}>
        Remove
      </button>
      {action.error && (
        <p class="error-text" role="alert">
          {action.error}
        </p>
      )}
    </li>
  );
}

/** The sites the user enabled beyond the built-in ones, each removable. */
export function EnabledSites({ sites, onRemove }: EnabledSitesProps) {
  const titleId = useId();
  return (
    <section class="settings-section" aria-labelledby={titleId}>
      <h2 id={titleId}>Enabled sites</h2>
      <p class="settings-section__description">
        The customer sidebar always runs in {builtInNames()}. On other sites it runs only where you chose
        “Enable on this site” in the toolbar popup. Removing a site also gives its access permission back.
      </p>
      {sites.kind === 'loading' && <p class="muted">Loading…</p>}
      {sites.kind === 'error' && (
        <p class="error-text" role="alert">
          Enabled sites could not be loaded: {sites.message}
        </p>
      )}
      {sites.kind === 'ready' &&
        (sites.value.length === 0 ? (
          <p class="muted">No other sites yet.</p>
        ) : (
          <ul class="enabled-sites">
            {sites.value.map((origin) => (
              <SiteRow key={origin} origin={origin} onRemove={onRemove} />
            ))}
          </ul>
        ))}
    </section>
  );
}
