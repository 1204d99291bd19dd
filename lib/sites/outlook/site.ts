import type { SiteDescriptor } from '../site';
import { OUTLOOK_HOSTS } from './url';

/**
 * Outlook on the web (Microsoft 365 work and school accounts, and personal Outlook.com): granted
 * at install; the script runs on the whole app, so it follows navigation from the calendar into
 * mail, and starts with the page so the sidebar loads beside Outlook.
 */
export const outlookSite = {
  id: 'outlook',
  label: 'Outlook on the web',
  kind: 'mail',
  access: 'built-in',
  matches: OUTLOOK_HOSTS.map((host) => `https://${host}/*`),
  runAt: 'document_start',
} as const satisfies SiteDescriptor<'outlook'>;
