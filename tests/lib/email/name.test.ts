import { describe, expect, it } from 'vitest';
import { nameFromAddress } from '../../../lib/email/name';

describe('nameFromAddress', () => {
  it.each([
    ['jonas.weber@kaffeerad.de', 'Jonas Weber'],
    ['anna_maria-schmidt@shop.de', 'Anna Maria Schmidt'],
    ['jonas+shop@kaffeerad.de', 'Jonas'],
    ['émile.zola@paris.fr', 'Émile Zola'],
  ])('offers %j as %j', (email, name) => {
    expect(nameFromAddress(email)).toBe(name);
  });

  it.each(['info@shop.de', 'Sales@shop.de', 'noreply@shop.de', 'j.weber2@shop.de', 'a1b2@shop.de'])('offers no name for the shared or coded mailbox %j', (email) => {
    expect(nameFromAddress(email)).toBe('');
  });
});
