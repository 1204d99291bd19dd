import type { SiteDescriptor } from '../site';
import { matches } from './url';

/** Any page the user enables: addresses in links, text and structured data; the page's company. */
export const genericSite = {
  id: 'generic',
  label: 'web pages',
  kind: 'web',
  access: 'opt-in',
  matches: [],
  isSiteUrl: matches,
} as const satisfies SiteDescriptor<'generic'>;
