import { describe, expect, it } from 'vitest';
import { inboxMarksOn } from '../../../lib/settings/key';
import { DEFAULT_SETTINGS, parseSettings } from '../../../lib/settings/schema';

describe('inboxMarksOn', () => {
  it.each([
    [undefined, false],
    [null, false],
    [{}, false],
    [{ gmailInboxMarks: 'true' }, false],
    [DEFAULT_SETTINGS, false],
    [{ ...DEFAULT_SETTINGS, gmailInboxMarks: true }, true],
  ])('reads %j as %s, agreeing with parseSettings', (stored, on) => {
    expect(inboxMarksOn(stored)).toBe(on);
    expect(parseSettings(stored).gmailInboxMarks).toBe(on);
  });
});
