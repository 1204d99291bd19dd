import type { ComponentChildren } from 'preact';
import type { Loadable } from '../../lib/loadable';
import type { Settings } from '../../lib/settings/schema';
import { BusinessHoursSection } from './business-hours-section';
import { CadenceSection } from './cadence-section';
import { CurrencySection } from './currency-section';
import { InboxMarksSection } from './inbox-marks-section';
import { OwnAddressesSection } from './own-addresses-section';
import { PlanSection } from './plan-section';

export interface SettingsPageProps {
  state: Loadable<Settings>;
  /** Saves the whole settings with one section changed; rejects with a message to show. */
  onSave: (next: Settings) => Promise<void>;
  /** Further sections from other features (e.g. enabled sites), shown after these. */
  children?: ComponentChildren;
}

/** The settings page: one section per concern, each saved on its own. */
export function SettingsPage({ state, onSave, children }: SettingsPageProps) {
  return (
    <main class="settings">
      <h1>Settings</h1>
      {state.kind === 'loading' && <p class="muted">Loading settings…</p>}
      {state.kind === 'error' && (
        <p class="error-text" role="alert">
          Settings could not be loaded: {state.message}
        </p>
      )}
      {state.kind === 'ready' && (
        <>
          <OwnAddressesSection value={state.value.ownAddresses} onSave={(ownAddresses) => onSave({ ...state.value, ownAddresses })} />
          <BusinessHoursSection value={state.value.businessHours} onSave={(businessHours) => onSave({ ...state.value, businessHours })} />
          <CadenceSection value={state.value.cadenceDays} onSave={(cadenceDays) => onSave({ ...state.value, cadenceDays })} />
          <PlanSection
            value={{ planSize: state.value.planSize, concentrationAlert: state.value.concentrationAlert }}
            onSave={(plan) => onSave({ ...state.value, ...plan })}
          />
          <CurrencySection value={state.value.currency} onSave={(currency) => onSave({ ...state.value, currency })} />
          <InboxMarksSection
            value={state.value.gmailInboxMarks}
            onSave={(gmailInboxMarks) => onSave({ ...state.value, gmailInboxMarks })}
          />
        </>
      )}
      {children}
    </main>
  );
}
