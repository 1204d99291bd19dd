import { describe, expect, it } from 'vitest';
import { isOutlook, outlookRoute } from '../../../../lib/sites/outlook/url';

const ID = 'AAQkAGI2NTZhZmI4LTMzYjAtNDRkZC1iMDkxLWE0OTQ5MjdiMmQ5MQAQAOB5wq1pIUKlx3TLBBzJ7s%3D';

describe('isOutlook', () => {
  it.each([
    ['https://outlook.office.com/mail/', true],
    ['https://outlook.office365.com/mail/inbox', true],
    ['https://outlook.live.com/mail/0/', true],
    ['https://outlook.cloud.microsoft/mail/', true],
    ['https://outlook.office.com/calendar/view/month', true],
    ['http://outlook.office.com/mail/', false],
    ['https://outlook.office.com.evil.example/mail/', false],
    ['https://mail.google.com/mail/u/0/', false],
    ['not a url', false],
  ])('%s: %s', (url, expected) => {
    expect(isOutlook(url)).toBe(expected);
  });
});

describe('outlookRoute', () => {
  it.each([
    [`https://outlook.office.com/mail/inbox/id/${ID}`, { view: 'thread', itemId: ID }],
    [`https://outlook.office.com/mail/sentitems/id/${ID}`, { view: 'thread', itemId: ID }],
    [`https://outlook.office.com/mail/id/${ID}`, { view: 'thread', itemId: ID }],
    [`https://outlook.office.com/mail/inbox/rp/${ID}`, { view: 'thread', itemId: ID }],
    [`https://outlook.live.com/mail/0/inbox/id/${ID}`, { view: 'thread', itemId: ID }],
    [`https://outlook.office.com/mail/deeplink/read/${ID}`, { view: 'thread', itemId: ID }],
    [`https://outlook.office.com/mail/deeplink/readconv/${ID}`, { view: 'thread', itemId: ID }],
    ['https://outlook.office.com/mail/compose/AAMkADraftDraftDraftDraft', { view: 'compose', itemId: null }],
    ['https://outlook.office365.com/mail/deeplink/compose?to=a@b.example', { view: 'compose', itemId: null }],
    ['https://outlook.live.com/mail/0/', { view: 'inbox', itemId: null }],
    ['https://outlook.office.com/mail/inbox', { view: 'inbox', itemId: null }],
    ['https://outlook.office.com/mail/archive/', { view: 'inbox', itemId: null }],
    // Too short for an id: a folder's sub-path, not an item.
    ['https://outlook.office.com/mail/inbox/id/short', { view: 'inbox', itemId: null }],
    ['https://outlook.office.com/calendar/view/month', { view: 'other', itemId: null }],
    ['https://outlook.office365.com/owa/?path=/mail/action/compose', { view: 'other', itemId: null }],
    ['https://example.com/mail/inbox/id/AAQkAGI2NTZhZmI4LTMzYjAt', { view: 'other', itemId: null }],
  ])('%s', (url, expected) => {
    expect(outlookRoute(url)).toEqual(expected);
  });
});
