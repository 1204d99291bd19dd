// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { gmailIsDark, relativeLuminance } from '../../../../lib/sites/gmail/theme';

describe('Gmail theme', () => {
  it.each([
    ['rgb(255, 255, 255)', 1],
    ['rgb(0, 0, 0)', 0],
    ['rgba(227, 227, 227, 1)', 0.7681511472],
  ])('computes the luminance of %s', (color, expected) => {
    expect(relativeLuminance(color)).toBeCloseTo(expected, 6);
  });

  it('refuses colours it cannot read', () => {
    expect(relativeLuminance('transparent')).toBeNull();
    expect(relativeLuminance('color(srgb 1 1 1)')).toBeNull();
  });

  it('is dark when the main region has light text, light otherwise', () => {
    const main = document.createElement('div');
    main.setAttribute('role', 'main');
    document.body.replaceChildren(main);
    main.style.color = 'rgb(227, 227, 227)';
    expect(gmailIsDark(document)).toBe(true);
    main.style.color = 'rgb(31, 31, 31)';
    expect(gmailIsDark(document)).toBe(false);
  });
});
