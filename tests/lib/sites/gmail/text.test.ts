import { describe, expect, it } from 'vitest';
import { selfFromTitle } from '../../../../lib/sites/gmail/text';

describe('selfFromTitle', () => {
  const cases: [string, string | null][] = [
    ['Inbox (3) - owner@example-shop.com - Gmail', 'owner@example-shop.com'],
    ['Bestellung 4711: Liefertermin - owner@example-shop.com - Gmail', 'owner@example-shop.com'],
    ['Re: Angebot - Stollen - 20 Kisten - owner@example-shop.com - Gmail', 'owner@example-shop.com'],
    ['Inbox - Owner@Example-Shop.com\u202c - Example Shop Mail', 'owner@example-shop.com'],
    ['Frage von maria@nordlicht-moebel.de - owner@example-shop.com - Gmail', 'owner@example-shop.com'],
    ['Gmail', null],
    ['Injected Thread Identifier Test Page', null],
    ['', null],
  ];
  it.each(cases)('selfFromTitle(%j) is %j', (title, expected) => {
    expect(selfFromTitle(title)).toBe(expected);
  });
});
