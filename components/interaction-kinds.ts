import type { InteractionKind } from '../lib/model/records';

/** How each interaction kind is offered in "Log interaction" menus, in menu order. */
export const INTERACTION_LABELS: Readonly<Record<InteractionKind, string>> = {
  call: 'Call',
  meeting: 'Meeting',
  email: 'Email',
  survey_sent: 'Survey sent',
  feedback_positive: 'Feedback: positive',
  feedback_negative: 'Feedback: negative',
  complaint_opened: 'Complaint opened',
  complaint_resolved: 'Complaint resolved',
  referral: 'Referral',
  thank_you: 'Thank-you sent',
  other: 'Other',
};

export const LOGGABLE_KINDS = Object.keys(INTERACTION_LABELS) as InteractionKind[];
