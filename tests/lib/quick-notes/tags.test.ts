import { describe, expect, it } from 'vitest';
import { parseTags, tagAtCaret } from '../../../lib/quick-notes/tags';

describe('parseTags', () => {
  it.each([
    ['Wants oak #Furniture and #oak', ['furniture', 'oak']],
    ['#vip at the start, #vip again', ['vip']],
    ['Unicode #café #müller-söhne', ['café', 'müller-söhne']],
    ['not tags: issue#12, https://x.test/#anchor, ##, # alone', []],
    ['(#inside) parentheses', ['inside']],
  ])('finds the tags in %j', (body, tags) => {
    expect(parseTags(body)).toEqual(tags);
  });
});

describe('tagAtCaret', () => {
  it('reads the tag being typed', () => {
    expect(tagAtCaret('Likes #oa', 9)).toBe('oa');
  });

  it('is null when the caret is not in a tag', () => {
    expect(tagAtCaret('Likes #oak table', 16)).toBeNull();
  });
});
