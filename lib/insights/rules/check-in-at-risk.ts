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
    reason: `${rhythm(figures)} ${overdueText(facts, AT_RISK_FACTOR)}`,
    dueAt: figures.lastOrderAt + Math.round(AT_RISK_FACTOR * stage.intervalDays * DAY_MS),
    factsKey: `last-order:${figures.lastOrderAt}`,
    evidence: intervalEvidence(facts),
  });
};

/**
 * Shared with win-back: the limit that was passed, in days, against which interval. Names
 * the threshold rather than a ratio: "1.5 ×" next to a rule of "more than 1.5 ×" reads wrong.
 */
export function overdueText(facts: Parameters<Rule>[0], factor: number): string {
  const { stage } = facts;
  const limit = days(factor * stage.intervalDays);
  if (stage.intervalSource === 'own') return `That is more than ${factor} × their usual interval (${limit}).`;
  if (stage.intervalSource === 'business') {
    return `Customers here usually reorder every ${days(stage.intervalDays)}; that is more than ${factor} × that (${limit}).`;
  }
  return `No reorder rhythm known yet; that is more than ${factor} × ${days(stage.intervalDays)}.`;
}

function days(n: number): string {
  return Number.isInteger(n) ? plural(n, 'day') : `${n.toFixed(1)} days`;
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
