import type { SiteDescriptor } from '../site';

/** Any page the user enables: addresses in links, text and structured data; the page's company. */
export const genericSite = {
  id: 'generic',
  label: 'web pages',
  kind: 'web',
  access: 'opt-in',
  matches: [],
} as const satisfies SiteDescriptor<'generic'>;
