import { useState } from 'preact/hooks';
import { SettingsSection } from './settings-section';

export interface InboxMarksSectionProps {
  value: boolean;
  onSave: (on: boolean) => Promise<void>;
}

/** The opt-in for tier letters in Gmail's inbox, with what turning it on reveals to Gmail. */
export function InboxMarksSection({ value, onSave }: InboxMarksSectionProps) {
  const [on, setOn] = useState(value);
  return (
    <SettingsSection
      title="Tier marks in the Gmail inbox"
      description={
        'Shows a small letter (A, B or C) beside customers in your Gmail inbox list. Off by default: ' +
        'unlike the sidebar, the marks become part of Gmail’s own page, so Gmail’s scripts can see which ' +
        'rows carry one, and so which senders are your customers. Nothing else about them (names, notes, ' +
        'orders) is ever put into the page.'
      }
      onSave={() => onSave(on)}
    >
      <label class="check">
        <input type="checkbox" checked={on} onChange={(event) => setOn(event.currentTarget.checked)} />
        Show tier marks in the Gmail inbox
      </label>
    </SettingsSection>
  );
}
