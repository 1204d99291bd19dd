import type { SiteAdapter } from '../adapter';
import { PAGE_WATCH } from '../watch';
import { findPageEmails } from './finder';
import { genericSite } from './site';
import { pageHost, pageKey } from './url';
import { genericRoom } from './room';

/** Any page: its addresses, and its host for the company whose website it is. */
export const genericAdapter: SiteAdapter = {
  site: genericSite,
  scan: (doc, url) => ({
    report: { site: 'generic', view: 'other', threadId: pageKey(url), self: null, people: findPageEmails(doc) },
    host: pageHost(url),
  }),
  room: genericRoom,
  watch: PAGE_WATCH,
};
