/**
 * Every piece of Gmail DOM knowledge in one place. Nothing outside lib/sites/gmail knows a
 * Gmail class name.
 *
 * Each entry names the record in tests/fixtures/real/gmail/gmail-dom-selectors.json
 * (copied facts from gmail.js, InboxSDK and Mailvelope, with file:line) that it follows, as
 * `<section>: "<purpose>"`. Attributes (`email`, `name`, `data-hovercard-id`, `data-legacy-*`)
 * come first; Gmail's obfuscated class names have been stable for 10+ years but are only
 * used where no attribute tells the same thing (sender vs recipient, message state).
 *
 * Tested against the authored thread fixtures and the saved real inbox page in
 * tests/fixtures/pages/gmail/ (expected match counts in tests/lib/sites/gmail/selectors.test.ts).
 */

export const ATTR = {
  /** thread_view: "sender of one message (name in 'name', address in 'email')"; thread_list: "participants of a row". */
  email: 'email',
  /** Same entries: the display name; "me" marks the signed-in user (quirks: 'The "me" participant ...'). */
  name: 'name',
  /** compose: "recipients, PeopleKit UI" (address = data-hovercard-id); newer Gmail puts it beside `email`. */
  hovercardId: 'data-hovercard-id',
  /** thread_view: "thread id" ([data-legacy-thread-id] on the h2.hP subject). */
  legacyThreadId: 'data-legacy-thread-id',
  /** thread_view: "message ids" (div.adn[data-legacy-message-id]). */
  legacyMessageId: 'data-legacy-message-id',
  /** thread_view: "message ids": a reply just sent has data-message-id before data-legacy-message-id. */
  messageId: 'data-message-id',
} as const;

/** The value of `name` Gmail gives the signed-in user's own participant spans (quirks: 'The "me" participant ...'). */
export const ME_NAME = 'me';

export const SELECTOR = {
  /**
   * Every element that carries a person: thread_view "sender of one message" (span[email].gD),
   * "recipients of one message" (.hb span[email]), "full to/cc/bcc list" (.ajC [email]),
   * thread_list "participants of a row" ([email]); compose "recipients, PeopleKit UI"
   * ([data-hovercard-id]). One pass over this list, then classify each hit.
   */
  person: '[email], [data-hovercard-id]',

  /**
   * thread_view: "one message container" (div.adn) and "message ids" (data-legacy-message-id /
   * data-message-id); the wrappers .h7/.kv/.kQ/.kx from "message state from its wrapper's class"
   * catch a message whose inner div.adn has no id yet. The nearest match wins, so the div.adn
   * (inside its wrapper) is the message.
   */
  message: '[data-legacy-message-id], [data-message-id], div.adn, .h7, .kv, .kQ, .kx',

  /**
   * Is a thread on the page: thread_view "thread id" and "one message container" / "message ids".
   * Narrower than `message`: the short state classes alone are too generic to prove a thread.
   */
  threadOpen: 'h2.hP, h2[data-legacy-thread-id], [data-legacy-message-id], div.adn',

  /** thread_view: "sender of one message" (span[email].gD, gmail.js 'from'). */
  sender: 'span.gD',

  /** thread_view: "recipients (to/cc as shown in the collapsed 'to me, bob' line)" (span[email].g2) inside "wrapper of the recipient line" (span.hb). */
  recipient: 'span.g2',
  recipientLine: '.hb',

  /**
   * thread_view: "full to/cc/bcc list: the 'Show details' popup table" (.ajC [email]). Present
   * only after the user opened it; each row's first cell is its label ("to:", "cc:").
   */
  detailsTable: '.ajC',
  detailsRow: 'tr',

  /** thread_view: "thread id" ([data-legacy-thread-id] on the h2.hP subject) and "thread subject" (h2.hP). */
  threadSubject: 'h2.hP[data-legacy-thread-id], h2[data-legacy-thread-id], h2.hP',

  /** thread_list: "visible rows" (tbody>tr.zA[role="row"], :visible dropped: it needs layout) and "participants of a row" ([email]). */
  threadListPerson: 'tr.zA [email]',

  /** thread_list: "visible rows": is a thread list on the page at all. */
  threadListRow: 'tr.zA',

  /**
   * thread_list: "participants of a row (name + address)" (span.yP / span.zF inside div.yW,
   * gmail.js). The real saved page also repeats them in a hidden screen-reader line (div.afn),
   * which must not get an inbox mark.
   */
  threadListSenders: 'div.yW [email]',

  /** quirks: 'The "me" participant appears as name="me" with the user's own address in email=...'. */
  me: '[email][name="me"]',

  /** thread_view: "main content region" (div[role=main]). */
  main: 'div[role=main]',
} as const;

/**
 * Row labels of the details table (.ajC), lower-cased without the colon. The table is
 * localized with the Gmail UI (these words are the usual mail header labels in en, de, fr,
 * es, it, nl; only "to"/"cc" are in our fixtures); unknown labels fall back to the element's class (gD = sender,
 * otherwise a recipient).
 */
export const DETAILS_LABELS = {
  from: ['from', 'von', 'de', 'da', 'van'],
  to: ['to', 'an', 'à', 'a', 'para', 'aan'],
  cc: ['cc'],
  bcc: ['bcc', 'cci', 'cco', 'ccn'],
} as const;

/**
 * Attributes the observer watches: only the ones the finder reads, so Gmail's constant class
 * and style churn (hover, focus) wakes nothing.
 */
export const WATCHED_ATTRIBUTES = [
  ATTR.email,
  ATTR.name,
  ATTR.hovercardId,
  ATTR.legacyThreadId,
  ATTR.legacyMessageId,
  ATTR.messageId,
] as const;
