import { askFeedback } from './ask-feedback';
import { askReferral } from './ask-referral';
import { checkInAtRisk } from './check-in-at-risk';
import { followUpProspect } from './follow-up-prospect';
import { keepInTouch } from './keep-in-touch';
import { personalOccasion } from './personal-occasion';
import { reorderReminder } from './reorder-reminder';
import { resolveComplaint } from './resolve-complaint';
import type { Rule } from './rule';
import { thankFirstOrder } from './thank-first-order';
import { upsell } from './upsell';
import { winBack } from './win-back';

/** Every rule; ordering of the results is decided by priority, not by this list. */
export const RULES: readonly Rule[] = [
  resolveComplaint,
  thankFirstOrder,
  askFeedback,
  checkInAtRisk,
  winBack,
  keepInTouch,
  askReferral,
  upsell,
  personalOccasion,
  followUpProspect,
  reorderReminder,
];
