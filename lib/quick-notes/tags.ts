/**
 * `#tags` typed into a quick note: letters, digits, `-` and `_` after a `#` that starts a word
 * (so "issue#12" or a URL fragment is not a tag). Lower-cased, de-duplicated, in order of first
 * appearance. Unicode letters count, so "#café" and "#müller" are tags.
 */
const TAG = /(?<![\p{L}\p{N}_/&#])#([\p{L}\p{N}][\p{L}\p{N}_-]{0,59})/gu;

export function parseTags(body: string): string[] {
  const tags: string[] = [];
  for (const match of body.matchAll(TAG)) {
    const tag = match[1]?.toLowerCase();
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/** The `#word` being typed right before the caret, for tag autocomplete; null if none. */
export function tagAtCaret(body: string, caret: number): string | null {
  const match = /(?:^|[\s(])#([\p{L}\p{N}_-]*)$/u.exec(body.slice(0, caret));
  return match ? (match[1] ?? '') : null;
}
