import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { useAction } from '../sidebar/use-action';

export interface SettingsSectionProps {
  title: string;
  description: string;
  /** Saves this section; rejects with a message to show. */
  onSave: () => Promise<void>;
  /** Disables Save (e.g. an invalid field) with the reason shown. */
  invalid?: string | null;
  children: ComponentChildren;
}

/** One section of the settings page: its own form, Save button, status and error. */
export function SettingsSection({ title, description, onSave, invalid = null, children }: SettingsSectionProps) {
  const titleId = useId();
  const action = useAction();
  const [saved, setSaved] = useState(false);
  return (
    <section class="settings-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <p class="settings-section__description">{description}</p>
      <form
        class="form"
        onInput={() => setSaved(false)}
        onSubmit={(event) => {
          event.preventDefault();
          void action.run(onSave).then((ok) => setSaved(ok));
        }}
      >
        {children}
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={action.busy || invalid !== null}>
            {action.busy ? 'Saving…' : 'Save'}
          </button>
          <span role="status" class="status">
            {saved ? 'Saved.' : ''}
          </span>
        </div>
        {(action.error ?? invalid) && (
          <p class="error-text" role="alert">
            {action.error ?? invalid}
          </p>
        )}
      </form>
    </section>
  );
}
