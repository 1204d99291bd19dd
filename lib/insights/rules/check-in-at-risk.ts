import { AT_RISK_FACTOR } from '../stage';
import { DAY_MS } from '../time';
import { plural, rhythm, suggest, type Rule } from './rule';

/** Drifting away, judged by their own rhythm: a personal check-in before they are gone. */
export const checkInAtRisk: Rule = (facts) => {
  const { stage, figures } = facts;
  if (stage.stage !== 'at_risk' || figures.lastOrderAt === null) return null;
  return suggest(facts, {
    ruleId: 'check-in-at-risk',
    title: 'Personal check-in before they drift away',
    reason: `${rhythm(figures)} ${overdueText(facts)}`,
    dueAt: figures.lastOrderAt + Math.round(AT_RISK_FACTOR * stage.intervalDays * DAY_MS),
    factsKey: `last-order:${figures.lastOrderAt}`,
    evidence: intervalEvidence(facts),
  });
};

/** Shared with win-back: how late they are and against which interval. */
export function overdueText(facts: Parameters<Rule>[0]): string {
  const { stage } = facts;
  const days = stage.daysSinceLastOrder ?? 0;
  const times = (days / stage.intervalDays).toFixed(1);
  const interval = plural(Math.round(stage.intervalDays), 'day');
  if (stage.intervalSource === 'own') return `That is ${times} × their usual interval.`;
  if (stage.intervalSource === 'business') return `Customers here usually reorder every ${interval}; that is ${times} × that.`;
  return `No reorder rhythm known yet; judged against ${interval}.`;
}

export function intervalEvidence(facts: Parameters<Rule>[0]): Record<string, number | string | null> {
  return {
    orderCount: facts.figures.orderCount,
    lastOrderAt: facts.figures.lastOrderAt,
    daysSinceLastOrder: facts.stage.daysSinceLastOrder,
    intervalDays: facts.stage.intervalDays,
    intervalSource: facts.stage.intervalSource,
  };
}
