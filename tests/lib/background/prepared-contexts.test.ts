import { describe, expect, it } from 'vitest';
import { PreparedContexts } from '../../../lib/background/prepared-contexts';

describe('PreparedContexts', () => {
  it('serves the context prepared for a report once, and only for that report', async () => {
    const prepared = new PreparedContexts<string>();
    prepared.prepare(1, 10, async () => 'report 10');
    expect(prepared.take(1, 9)).toBeNull();
    expect(prepared.take(2, 10)).toBeNull();
    expect(await prepared.take(1, 10)).toBe('report 10');
    expect(prepared.take(1, 10)).toBeNull();
  });

  it('keeps only the latest report of a tab', async () => {
    const prepared = new PreparedContexts<string>();
    prepared.prepare(1, 10, async () => 'report 10');
    prepared.prepare(1, 11, async () => 'report 11');
    expect(prepared.take(1, 10)).toBeNull();
    expect(await prepared.take(1, 11)).toBe('report 11');
  });

  it('drops everything on clear and a closed tab on forget', () => {
    const prepared = new PreparedContexts<string>();
    prepared.prepare(1, 10, async () => 'a');
    prepared.prepare(2, 10, async () => 'b');
    prepared.forget(1);
    expect(prepared.take(1, 10)).toBeNull();
    prepared.clear();
    expect(prepared.take(2, 10)).toBeNull();
  });

  it('answers null for work that failed, so the caller reads afresh', async () => {
    const prepared = new PreparedContexts<string>();
    prepared.prepare(1, 10, async () => {
      throw new Error('database closed');
    });
    expect(await prepared.take(1, 10)).toBeNull();
  });
});
