import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/schema';
import { SettingsSection } from './settings-section';

type Plan = Pick<Settings, 'planSize' | 'concentrationAlert'>;

export interface PlanSectionProps {
  value: Plan;
  onSave: (plan: Plan) => Promise<void>;
}

/** Today's plan: how many relationships a day, and when concentration becomes an action. */
export function PlanSection({ value, onSave }: PlanSectionProps) {
  const [size, setSize] = useState(String(value.planSize));
  const [top1, setTop1] = useState(String(Math.round(value.concentrationAlert.top1 * 100)));
  const [top5, setTop5] = useState(String(Math.round(value.concentrationAlert.top5 * 100)));
  const planSize = Number(size);
  const one = Number(top1);
  const five = Number(top5);
  const invalid = !Number.isInteger(planSize) || planSize < 3 || planSize > 50
    ? 'Relationships a day: a whole number from 3 to 50.'
    : !(one >= 5 && one <= 95) || !(five >= 5 && five <= 95)
      ? 'Concentration limits: a percentage from 5 to 95.'
      : null;
  return (
    <SettingsSection
      title="Today's plan"
      description="Today shows this many relationships at a time, the most at stake first (more on request). When your largest customer, or your five largest, bring more than these shares of the last 12 months' revenue, the plan suggests broadening your base."
      invalid={invalid}
      onSave={() => onSave({ planSize, concentrationAlert: { top1: one / 100, top5: five / 100 } })}
    >
      <label class="field field--inline">
        <span class="field__label">Relationships a day</span>
        <input class="input input--number" type="number" min={3} max={50} step={1} value={size} onInput={(e) => setSize(e.currentTarget.value)} />
      </label>
      <label class="field field--inline">
        <span class="field__label">Largest customer above</span>
        <span>
          <input class="input input--number" type="number" min={5} max={95} step={1} value={top1} onInput={(e) => setTop1(e.currentTarget.value)} /> %
        </span>
      </label>
      <label class="field field--inline">
        <span class="field__label">Five largest above</span>
        <span>
          <input class="input input--number" type="number" min={5} max={95} step={1} value={top5} onInput={(e) => setTop5(e.currentTarget.value)} /> %
        </span>
      </label>
    </SettingsSection>
  );
}
