/**
 * Relationship intelligence: figures, tiers, RFM groups, life-cycle stages, concentration and
 * the next action per customer. Pure functions of the facts and `now`; nothing here reads the
 * clock, storage or the DOM.
 */
export type { BusinessHours, BusinessSettings, CustomerFacts, OrderFact, Dismissal, OpeningSpan, Snooze, SuggestionHold, SuggestionState, TierName, Weekday } from './types';
export { DEFAULT_SETTINGS, NO_HOLDS } from './types';
export type { CustomerFigures } from './figures';
export { businessMedianIntervalDays, computeFigures } from './figures';
export type { PreparedFacts } from './prepare';
export { prepareFacts } from './prepare';
export type { TierResult } from './tier';
export { computeTiers, tiersFromFigures } from './tier';
export type { RfmGroup, RfmResult, Score } from './rfm';
export { RFM_GROUPS, computeRfm, rfmGroupFor } from './rfm';
export type { Stage, StageResult } from './stage';
export { STAGES, computeStage } from './stage';
export type { Concentration } from './concentration';
export { computeConcentration } from './concentration';
export type { Evidence, RuleFacts, RuleId, Suggestion } from './rules/index';
export { RULE_BY_ID, RULE_IDS, RULES } from './rules/index';
export type { PlanGroup, Purpose, RuleDefinition } from './rules/define';
export { PLAN_GROUPS } from './rules/define';
export type { SuggestionContext } from './suggest';
export { MAX_SUGGESTIONS, suggestNextActions } from './suggest';
export type { BuyingDescription, BuyingPattern, BuyingPrediction, BuyingSummary } from './model/buying';
export { DEFAULT_PATTERN, describeBuying, predictBuying, summarizeBuying } from './model/buying';
export { fitBuyingPattern } from './model/fit';
export type { CustomerInsight, Insights, Recompute } from './recompute';
export { recomputeAll, startRecompute } from './recompute';
export { toCustomerInsights } from './cached';
export type { CampaignEntry, OwnerItem, Plan, PlanOrder, TodayItem } from './today';
export { compareItems, inCampaign, planFromInsights, planItem, todayFromInsights, todayList } from './today';
export type { Explanation } from './explain';
export { explain } from './explain';
export { nextOpening } from './business-hours';
export type { BusinessContext } from './context';
export { businessContextOf, insightFromContext, rfmFromContext, scoreAmong, tierFromContext } from './context';
export { endOfLocalDay, startOfLocalDay } from './business-hours';
