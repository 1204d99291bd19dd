import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/schema';
import { SettingsSection } from './settings-section';

type Cadence = Settings['cadenceDays'];

const TIERS: readonly { key: keyof Cadence; label: string }[] = [
  { key: 'A', label: 'Tier A (your most valuable customers)' },
  { key: 'B', label: 'Tier B' },
  { key: 'C', label: 'Tier C' },
  { key: 'Prospect', label: 'Prospects (no purchase yet)' },
];

export interface CadenceSectionProps {
  value: Cadence;
  onSave: (cadence: Cadence) => Promise<void>;
}

/** Keep-in-touch: how many days each tier may go without hearing from you. */
export function CadenceSection({ value, onSave }: CadenceSectionProps) {
  const [text, setText] = useState<Record<keyof Cadence, string>>({
    A: String(value.A),
    B: String(value.B),
    C: String(value.C),
    Prospect: String(value.Prospect),
  });
  const parsed = Object.fromEntries(TIERS.map(({ key }) => [key, Number(text[key])])) as Cadence;
  const bad = TIERS.find(({ key }) => !Number.isInteger(parsed[key]) || parsed[key] < 1 || parsed[key] > 3650);
  return (
    <SettingsSection
      title="Keep in touch"
      description="After this many days without an order or any logged interaction, a customer shows as due. Any interaction starts the count again."
      invalid={bad ? `${bad.label}: a whole number of days from 1 to 3650.` : null}
      onSave={() => onSave(parsed)}
    >
      {TIERS.map(({ key, label }) => (
        <label key={key} class="field field--inline">
          <span class="field__label">{label}</span>
          <span>
            <input
              class="input input--number"
              type="number"
              min={1}
              max={3650}
              step={1}
              value={text[key]}
              onInput={(event) => setText({ ...text, [key]: event.currentTarget.value })}
            />{' '}
            days
          </span>
        </label>
      ))}
    </SettingsSection>
  );
}
