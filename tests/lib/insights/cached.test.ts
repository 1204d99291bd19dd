import { describe, expect, it } from 'vitest';
import { toCustomerInsights } from '../../../lib/insights/cached';
import { recomputeAll } from '../../../lib/insights/recompute';
import { RFM_GROUPS } from '../../../lib/insights/rfm';
import { STAGES } from '../../../lib/insights/stage';
import { DEFAULT_SETTINGS } from '../../../lib/insights/types';
import { CustomerInsights, RFM_GROUPS as RECORD_RFM_GROUPS, STAGES as RECORD_STAGES } from '../../../lib/model/records';
import { NOW, createFacts } from './factories';

describe('toCustomerInsights', () => {
  it('uses the same group labels and stages as the customer record', () => {
    expect(Object.values(RFM_GROUPS)).toEqual([...RECORD_RFM_GROUPS]);
    expect([...STAGES]).toEqual([...RECORD_STAGES]);
  });

  it('gives a valid cached classification, with the computed tier beside the override flag', () => {
    const all = [
      createFacts({ customer: { id: 'big' }, orders: [[70, 90_000], [40, 90_000], [10, 90_000]] }),
      createFacts({ customer: { id: 'small', tierOverride: 'A' }, orders: [[5, 1_000]] }),
    ];
    const insights = recomputeAll(all, DEFAULT_SETTINGS, NOW);
    const small = CustomerInsights.parse(toCustomerInsights(insights.customers.get('small')!, NOW));
    expect(small).toEqual({ tier: 'C', tierOverridden: true, rfm: 'Promising', stage: 'new', computedAt: NOW });
    // With two buyers, recency is relative: the other one ordered more recently (R2, F4, M4: FM 4).
    expect(toCustomerInsights(insights.customers.get('big')!, NOW)).toMatchObject({ tier: 'A', tierOverridden: false, rfm: 'Previously loyal', stage: 'active' });
  });
});
