import { useState } from 'preact/hooks';
import { SettingsSection } from './settings-section';

const COMMON = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'DKK', 'NOK', 'PLN', 'CZK', 'CAD', 'AUD', 'JPY'];

export interface CurrencySectionProps {
  value: string;
  onSave: (currency: string) => Promise<void>;
}

/** The business's currency: figures and tiers rank revenue in it. */
export function CurrencySection({ value, onSave }: CurrencySectionProps) {
  const [code, setCode] = useState(value);
  const valid = /^[A-Z]{3}$/.test(code);
  return (
    <SettingsSection
      title="Default currency"
      description="Revenue in this currency ranks your customers; amounts in others are shown but not mixed in."
      invalid={valid ? null : 'A three-letter ISO code, e.g. EUR.'}
      onSave={() => onSave(code)}
    >
      <label class="field">
        <span class="field__label">Currency (ISO code)</span>
        <input
          class="input input--code"
          list="currencies"
          maxLength={3}
          value={code}
          onInput={(event) => setCode(event.currentTarget.value.trim().toUpperCase())}
        />
        <datalist id="currencies">
          {COMMON.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </label>
    </SettingsSection>
  );
}
