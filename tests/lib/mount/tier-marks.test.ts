// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createTierMarks, TIER_MARK_TAG } from '../../../lib/mount/tier-marks';

function rows(count: number): HTMLElement[] {
  document.body.replaceChildren();
  return Array.from({ length: count }, (_, i) => {
    const cell = document.createElement('div');
    const name = document.createElement('span');
    name.textContent = `Person ${i}`;
    cell.append(name);
    document.body.append(cell);
    return name;
  });
}

const marksInPage = () => Array.from(document.querySelectorAll(TIER_MARK_TAG));

afterEach(() => document.body.replaceChildren());

describe('createTierMarks', () => {
  it('puts one mark before each anchor, its letter hidden from the page in a closed shadow root', () => {
    const [first, second] = rows(3);
    createTierMarks(document).apply([
      { anchor: first!, tier: 'A' },
      { anchor: second!, tier: 'C' },
    ]);
    const found = marksInPage();
    expect(found).toHaveLength(2);
    expect(first!.previousElementSibling).toBe(found[0]);
    expect(found[0]!.shadowRoot).toBeNull();
    expect(found[0]!.textContent).toBe('');
    expect(found[0]!.attributes).toHaveLength(1); // style only: no tier in an attribute
  });

  it('leaves marks that are already right untouched, and replaces one whose tier changed', () => {
    const [first, second] = rows(2);
    const marks = createTierMarks(document);
    marks.apply([
      { anchor: first!, tier: 'A' },
      { anchor: second!, tier: 'B' },
    ]);
    const [markA, markB] = marksInPage();
    marks.apply([
      { anchor: first!, tier: 'A' },
      { anchor: second!, tier: 'C' },
    ]);
    const after = marksInPage();
    expect(after).toHaveLength(2);
    expect(after[0]).toBe(markA);
    expect(after[1]).not.toBe(markB);
  });

  it('removes marks no longer asked for, and all of them on clear', () => {
    const [first, second] = rows(2);
    const marks = createTierMarks(document);
    marks.apply([
      { anchor: first!, tier: 'A' },
      { anchor: second!, tier: 'B' },
    ]);
    marks.apply([{ anchor: second!, tier: 'B' }]);
    expect(marksInPage()).toHaveLength(1);
    expect(second!.previousElementSibling?.localName).toBe(TIER_MARK_TAG);
    marks.clear();
    expect(marksInPage()).toHaveLength(0);
  });

  it('skips an anchor that cannot take a sibling instead of throwing', () => {
    const detached = document.createElement('span');
    expect(() => createTierMarks(document).apply([{ anchor: detached, tier: 'A' }])).not.toThrow();
  });
});
