import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/schema';
import { SettingsSection } from './settings-section';

type Hours = Settings['businessHours'];
type DayKey = keyof Hours['days'];

const DAYS: readonly { key: DayKey; label: string }[] = [
  { key: 1, label: 'Monday' },
  { key: 2, label: 'Tuesday' },
  { key: 3, label: 'Wednesday' },
  { key: 4, label: 'Thursday' },
  { key: 5, label: 'Friday' },
  { key: 6, label: 'Saturday' },
  { key: 0, label: 'Sunday' },
];

export function minutesToTime(minutes: number): string {
  const clamped = Math.min(minutes, 24 * 60 - 1);
  return `${String(Math.floor(clamped / 60)).padStart(2, '0')}:${String(clamped % 60).padStart(2, '0')}`;
}

export function timeToMinutes(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes < 24 * 60 ? minutes : null;
}

function zones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

export interface BusinessHoursSectionProps {
  value: Hours;
  onSave: (hours: Hours) => Promise<void>;
}

/** Opening hours per weekday and the time zone they are read in. */
export function BusinessHoursSection({ value, onSave }: BusinessHoursSectionProps) {
  const [hours, setHours] = useState<Hours>(value);
  const known = zones();
  const badDay = DAYS.find(({ key }) => {
    const span = hours.days[key];
    return span !== null && span[0] >= span[1];
  });
  const invalid = badDay ? `${badDay.label}: closing time must be after opening time.` : null;

  function setDay(key: DayKey, span: readonly [number, number] | null) {
    setHours({ ...hours, days: { ...hours.days, [key]: span } });
  }

  return (
    <SettingsSection
      title="Business hours"
      description="Suggestions and reminders are timed to when you are open."
      invalid={invalid}
      onSave={() => onSave(hours)}
    >
      <label class="field">
        <span class="field__label">Time zone</span>
        <input
          class="input"
          list="time-zones"
          value={hours.timeZone}
          onInput={(event) => setHours({ ...hours, timeZone: event.currentTarget.value.trim() })}
        />
        <datalist id="time-zones">
          {known.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </label>
      <table class="hours">
        <tbody>
          {DAYS.map(({ key, label }) => {
            const span = hours.days[key];
            return (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td>
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={span !== null}
                      onChange={(event) => setDay(key, event.currentTarget.checked ? [9 * 60, 17 * 60] : null)}
                    />
                    Open
                  </label>
                </td>
                <td>
                  {span && (
                    <span class="hours__span">
                      <input
                        class="input"
                        type="time"
                        aria-label={`${label} opens`}
                        value={minutesToTime(span[0])}
                        onInput={(event) => {
                          const open = timeToMinutes(event.currentTarget.value);
                          if (open !== null) setDay(key, [open, span[1]]);
                        }}
                      />
                      –
                      <input
                        class="input"
                        type="time"
                        aria-label={`${label} closes`}
                        value={minutesToTime(span[1])}
                        onInput={(event) => {
                          const close = timeToMinutes(event.currentTarget.value);
                          if (close !== null) setDay(key, [span[0], close]);
                        }}
                      />
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </SettingsSection>
  );
}
