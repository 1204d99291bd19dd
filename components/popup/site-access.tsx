import type { SiteAccessState } from '../../lib/sites/site-access-store';
import { useAction } from '../sidebar/use-action';

export interface SiteAccessProps {
  state: SiteAccessState;
  /** Asks the browser for this origin (its own prompt) and enables the sidebar there. */
  onEnable: () => Promise<void>;
  /** Shows the sidebar on this page once, without a lasting permission. */
  onShowOnce: () => Promise<void>;
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

/** "Enable on this site": the per-site opt-in beyond the built-in sites. */
export function SiteAccess({ state, onEnable, onShowOnce }: SiteAccessProps) {
  const action = useAction();
  if (state.kind === 'loading') {
    return (
      <section class="popup__section site-access" aria-label="This site" aria-busy="true">
        <p class="state__text">Checking this site…</p>
      </section>
    );
  }
  if (state.kind === 'unavailable') {
    return (
      <section class="popup__section site-access" aria-label="This site">
        <p class="state__text">The customer sidebar cannot run on this page.</p>
      </section>
    );
  }
  const host = hostOf(state.origin);
  return (
    <section class="popup__section site-access" aria-label="This site">
      {state.builtIn ? (
        <p class="state__text">The customer sidebar runs on {host}.</p>
      ) : state.enabled ? (
        <p class="state__text">Enabled on {host}. Remove it in Settings.</p>
      ) : (
        <>
          <p class="state__text">Show customers on {host}? The browser will ask you to allow access to this site.</p>
          <div class="notice__row">
            <button type="button" class="button button--primary" disabled={action.busy} onClick={() => void action.run(onEnable)}>
              Enable on this site
            </button>
            <button type="button" class="button" disabled={action.busy} onClick={() => void action.run(onShowOnce)}>
              Show once
            </button>
          </div>
        </>
      )}
      {action.error && (
        <p class="error-text" role="alert">
          {action.error}
        </p>
      )}
    </section>
  );
}
