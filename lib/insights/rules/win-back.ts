import { LAPSED_AFTER_DAYS, LAPSED_FACTOR } from '../stage';
import { DAY_MS } from '../time';
import { intervalEvidence, overdueText } from './check-in-at-risk';
import { rhythm, suggest, type Rule } from './rule';

/** Lapsed customers are still cheaper to win back than new ones are to find. */
export const winBack: Rule = (facts) => {
  const { stage, figures } = facts;
  if (stage.stage !== 'lapsed' || figures.lastOrderAt === null) return null;
  const byRhythm = LAPSED_FACTOR * stage.intervalDays;
  const lapsedAfterDays = Math.min(byRhythm, LAPSED_AFTER_DAYS);
  const why = byRhythm <= LAPSED_AFTER_DAYS ? overdueText(facts, LAPSED_FACTOR) : 'No order for more than a year.';
  return suggest(facts, {
    ruleId: 'win-back',
    title: 'Win them back with an offer',
    reason: `${rhythm(figures)} ${why}`,
    dueAt: figures.lastOrderAt + Math.round(lapsedAfterDays * DAY_MS),
    factsKey: `last-order:${figures.lastOrderAt}`,
    evidence: intervalEvidence(facts),
  });
};
