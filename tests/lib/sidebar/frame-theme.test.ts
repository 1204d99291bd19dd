import { describe, expect, it } from 'vitest';
import { frameTheme, withFrameTheme } from '../../../lib/sidebar/frame-theme';

describe('frame theme', () => {
  it('reads dark from the hash and nothing else', () => {
    expect(frameTheme('#frame=abc&theme=dark')).toBe('dark');
    expect(frameTheme('#frame=abc')).toBeNull();
    expect(frameTheme('#frame=abc&theme=<b>')).toBeNull();
    expect(frameTheme('')).toBeNull();
  });

  it('sets and clears the theme and keeps the token', () => {
    const src = 'chrome-extension://id/sidebar.html#frame=abc';
    const dark = withFrameTheme(src, true);
    expect(dark).toBe('chrome-extension://id/sidebar.html#frame=abc&theme=dark');
    expect(withFrameTheme(dark, true)).toBe(dark);
    expect(withFrameTheme(dark, false)).toBe(src);
  });
});
