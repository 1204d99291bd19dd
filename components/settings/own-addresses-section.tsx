import { useState } from 'preact/hooks';
import { SettingsSection } from './settings-section';

export interface OwnAddressesSectionProps {
  value: readonly string[];
  onSave: (addresses: string[]) => Promise<void>;
}

/** Splits what was typed into addresses: one per line, or separated by commas or spaces. */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The owner's own addresses: never shown or matched as customers. */
export function OwnAddressesSection({ value, onSave }: OwnAddressesSectionProps) {
  const [text, setText] = useState(value.join('\n'));
  return (
    <SettingsSection
      title="My addresses"
      description="Your own email addresses (and your team's). They are never treated as customers."
      onSave={() => onSave(splitAddresses(text))}
    >
      <label class="field">
        <span class="field__label">One address per line</span>
        <textarea class="textarea" rows={4} value={text} onInput={(event) => setText(event.currentTarget.value)} />
      </label>
    </SettingsSection>
  );
}
