/**
 * Every piece of Outlook on the web DOM knowledge in one place. Nothing outside lib/sites/outlook
 * knows an Outlook id or attribute.
 *
 * Outlook's class names are build hashes that changed every few months (3–12 months' lifetime in
 * the public extensions' histories), so none is used here. What is used, most stable first (see
 * tests/fixtures/pages/outlook/SOURCES.md for the source of each and how long it has been seen):
 * ids without hashes, `data-app-section` / `data-testid` / `data-lpc-hover-target-id` /
 * `data-convid` / `data-folder-name` attributes, then ARIA roles and state. Localized
 * `aria-label` words ("To:", "An:") are read only to tell To from Cc, with the position as the
 * fallback. Each entry names its SOURCES key(s).
 *
 * Tested against the authored pages in tests/fixtures/pages/outlook/ (expected people and
 * match counts in expected.json beside them).
 */
export const SELECTOR = {
  /** The signed-in mailbox in the folder pane: `data-folder-name` / `title` hold the address (MV-OWA). */
  account: '[id^="primaryMailboxRoot_"]',

  /** The reading pane (EV, MX, many; the region: MV-OWA, WD). */
  readingPane: '#ReadingPaneContainerId, [data-app-section="MailReadCompose"]',

  /** The open conversation (MV-OWA, MX). */
  conversation: '[data-app-section="ConversationContainer"], #ConversationReadingPaneContainer',

  /** The conversation's subject, its id inside: CONV_<id>_SUBJECT (PW, ARM, FT). */
  subject: '[id^="CONV_"][id$="_SUBJECT"]',

  /**
   * The date line of one message (MX, FT): exactly one per message, so the message is the
   * widest element around it holding no other (finder.ts). Language-neutral, unlike the
   * "Email message" label.
   */
  date: '[data-testid="SentReceivedSavedTime"]',

  /** A person (sender, recipient, compose pill) as a persona hover target (MX, ARM, BR; the concept since 2016). */
  person: '[data-lpc-hover-target-id]',

  /** The recipients of one message (MV-OWA, MX): anything outside it in the message's header is its sender. */
  recipientWell: '[data-testid="RecipientWell"]',

  /** One recipient line ("To: …", "Cc: …"), read-only in the reading view (ARM, PW, HJ). */
  recipientLine: '[data-testid="RecipientWell"] [aria-readonly="true"]',

  /** A message body (MV-OWA, ARM): addresses written in it are not the message's people. */
  body: '[role="document"], [id^="UniqueMessageBody"]',

  /** The body of a message being written: editable and multi-line (ARM, BR). */
  composeBody: '[contenteditable="true"][aria-multiline="true"]',

  /** The To, Cc and Bcc fields of a message being written, in that order (BR 2026, ARM). */
  composeField: '[contenteditable="true"]:not([aria-multiline="true"])',

  /** A row of the conversation list; the open one has `aria-selected="true"` (MV-OWA, WD, PW, HJ). */
  listRow: '#MailList [role="option"][data-convid]',

  /** A sender in a list row: `title` holds the bare address, the text the name (PW, MX). */
  listSender: '#MailList [role="option"] [title*="@"]',
} as const;

/** Attributes the finder reads; other attribute churn (Outlook's focus and hover state) wakes nothing. */
export const WATCHED_ATTRIBUTES = [
  'id',
  'aria-label',
  'aria-selected',
  'title',
  'data-folder-name',
  'data-convid',
  'data-lpc-hover-target-id',
  'contenteditable',
] as const;
