import { gammaRegularized } from '../../lib/insights/model/special';
import { DAY, type SimCustomer } from './generate';

/**
 * The chance an ideal detector gives that a simulated customer is still buying: it knows their
 * true rhythm (mean gap and regularity), their churn odds (mean lifetime, or the chance to leave
 * after a season) and their kind, and sees only their orders up to `now`. The ceiling for any
 * model that sees orders alone.
 */
export function idealStillBuying(c: SimCustomer, now: number): number {
  let last = -Infinity;
  for (const o of c.orders) if (o.orderedAt <= now) last = o.orderedAt;
  if (last === -Infinity) return 0;
  const t = c.truth;
  if (t.kind === 'one-off') return 0;
  if (t.kind === 'seasonal') {
    // Left after a season with chance q: before the next season ends nothing tells; after it, gone.
    const year = new Date(now).getUTCFullYear();
    let nextEnd = Date.UTC(year - 1, 0, 1) + (t.seasonDay ?? 0) * DAY + 21 * DAY;
    while (nextEnd <= last + 60 * DAY) nextEnd += 365 * DAY;
    return now < nextEnd ? 1 - (t.leaveChance ?? 0) : 0;
  }
  const meanGap = t.meanGapDays ?? 1;
  const shape = t.gapShape ?? 1;
  const life = t.meanLifeDays ?? Infinity;
  const s = (now - last) / DAY;
  const survive = (v: number) => 1 - gammaRegularized(shape, (v * shape) / meanGap);
  // Alive now and no order since; or gone at some moment v since the last order, with none before it.
  const alive = Math.exp(-s / life) * survive(s);
  let gone = 0;
  const steps = 200;
  for (let i = 0; i < steps; i++) {
    const v = ((i + 0.5) / steps) * s;
    gone += (Math.exp(-v / life) / life) * survive(v) * (s / steps);
  }
  return alive + gone > 0 ? alive / (alive + gone) : 0;
}
