import type { SiteDescriptor } from '../site';

/** Gmail: granted at install; the script starts with the page so the sidebar loads beside Gmail. */
export const gmailSite = {
  id: 'gmail',
  label: 'Gmail',
  kind: 'mail',
  access: 'built-in',
  matches: ['https://mail.google.com/*'],
  runAt: 'document_start',
} as const satisfies SiteDescriptor<'gmail'>;
