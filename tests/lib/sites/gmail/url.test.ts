import { describe, expect, it } from 'vitest';
import { matches, viewFromUrl } from '../../../../lib/sites/gmail/url';
import type { GmailRoute } from '../../../../lib/sites/gmail/url';

const NEW_ID = 'FMfcgzQXJWDsKrzzLDFKRWhmrVNKVtJv';
const LEGACY_ID = '18f3a2b4c5d6e7f8';
const BASE = 'https://mail.google.com/mail/u/0/';

describe('matches', () => {
  const cases: [string, boolean][] = [
    [`${BASE}#inbox`, true],
    ['https://mail.google.com/mail/u/1/#inbox', true],
    ['https://mail.google.com/mail/#inbox', true],
    ['https://mail.google.com/mail/?authuser=owner@example-shop.com', true],
    ['https://mail.google.com/mail', true],
    ['http://mail.google.com/mail/u/0/#inbox', false],
    ['https://mail.google.com/chat/u/0/', false],
    ['https://mail.google.com/', false],
    ['https://mail.google.com.evil.example/mail/u/0/', false],
    ['https://calendar.google.com/calendar/u/0/r', false],
    ['https://example.com/mail/u/0/#inbox', false],
    ['not a url', false],
    ['', false],
  ];
  it.each(cases)('matches(%j) is %s', (url, expected) => {
    expect(matches(url)).toBe(expected);
  });
});

describe('viewFromUrl', () => {
  const cases: [string, GmailRoute][] = [
    [`${BASE}#inbox`, { view: 'inbox', threadId: null }],
    ['https://mail.google.com/mail/u/1/#inbox', { view: 'inbox', threadId: null }],
    [BASE, { view: 'inbox', threadId: null }],
    [`${BASE}#inbox/p2`, { view: 'inbox', threadId: null }],
    [`${BASE}#sent`, { view: 'inbox', threadId: null }],
    [`${BASE}#label/Kunden`, { view: 'inbox', threadId: null }],
    [`${BASE}#search/tom%40becker-baeckerei.de`, { view: 'inbox', threadId: null }],
    [`${BASE}#inbox/${NEW_ID}`, { view: 'thread', threadId: NEW_ID }],
    [`https://mail.google.com/mail/u/1/#inbox/${NEW_ID}`, { view: 'thread', threadId: NEW_ID }],
    [`${BASE}#inbox/${LEGACY_ID}`, { view: 'thread', threadId: LEGACY_ID }],
    [`${BASE}#label/Foo/${NEW_ID}`, { view: 'thread', threadId: NEW_ID }],
    [`${BASE}#label/Kunden%2FVIP/${NEW_ID}`, { view: 'thread', threadId: NEW_ID }],
    [`${BASE}#search/x/${NEW_ID}`, { view: 'thread', threadId: NEW_ID }],
    [`${BASE}#search/from%3Atom/${NEW_ID}`, { view: 'thread', threadId: NEW_ID }],
    [`${BASE}#category/promotions/${NEW_ID}`, { view: 'thread', threadId: NEW_ID }],
    [`${BASE}#sent/${NEW_ID}`, { view: 'thread', threadId: NEW_ID }],
    [`${BASE}#starred/${NEW_ID}`, { view: 'thread', threadId: NEW_ID }],
    [`${BASE}#all/${NEW_ID}`, { view: 'thread', threadId: NEW_ID }],
    [`${BASE}#inbox?compose=new`, { view: 'compose', threadId: null }],
    [`${BASE}#?compose=new`, { view: 'compose', threadId: null }],
    [`${BASE}#drafts?compose=CllgCJZZrDmPqXbwSkKkXQlhmHkHqVBjWbm`, { view: 'compose', threadId: null }],
    // A compose window floating over an open thread: the thread is what the sidebar is about.
    [`${BASE}#inbox/${NEW_ID}?compose=new`, { view: 'thread', threadId: NEW_ID }],
    [`${BASE}#settings/general`, { view: 'other', threadId: null }],
    [`${BASE}#contacts`, { view: 'other', threadId: null }],
    ['https://example.com/#inbox/FMfcgzQXJWDsKrzzLDFKRWhmrVNKVtJv', { view: 'other', threadId: null }],
    ['garbage', { view: 'other', threadId: null }],
  ];
  it.each(cases)('viewFromUrl(%j)', (url, expected) => {
    expect(viewFromUrl(url)).toEqual(expected);
  });
});
