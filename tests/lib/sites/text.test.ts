import { describe, expect, it } from 'vitest';
import { cleanAddress, cleanName } from '../../../lib/sites/text';

describe('cleanAddress', () => {
  it('strips U+202C and other invisible characters and lower-cases', () => {
    expect(cleanAddress('Tom@Becker-Baeckerei.de\u202c')).toBe('tom@becker-baeckerei.de');
    expect(cleanAddress('\ufeff<lena.vogel@gmail.com>\u200e')).toBe('lena.vogel@gmail.com');
  });

  it('refuses what is not an address', () => {
    for (const bad of [null, '', 'me', 'a@b', 'two words@example.com', `${'x'.repeat(320)}@example.com`]) {
      expect(cleanAddress(bad)).toBeNull();
    }
  });
});

describe('cleanName', () => {
  it('drops invisible characters, collapses spaces and keeps within the protocol limit', () => {
    expect(cleanName('\u202aLena\u00a0  Vogel\u202c')).toBe('Lena Vogel');
    expect(cleanName('x'.repeat(300))).toHaveLength(200);
    expect(cleanName(null)).toBe('');
  });
});
