import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { TEAM_OPTIONAL_PERMISSIONS } from './lib/sync/permissions';
import { QUICK_NOTE_SUGGESTED_KEY, quickNoteCommand } from './lib/shortcut';

// Gmail's origin is granted at install; the sidebar page is web-accessible where content
// scripts may mount it (see DESIGN.md, "Sidebar = an extension page in an iframe").
export const GMAIL_MATCHES = ['https://mail.google.com/*'];
/** Shopify admin is the other host granted at install (entrypoints/shopify.content.ts). */
export const SHOPIFY_ADMIN_MATCHES = ['https://admin.shopify.com/*'];
/**
 * Any other site only by the user's opt-in (lib/background/handlers/sites.ts). The sidebar page
 * must be web-accessible wherever it may be mounted, so on Chrome it is listed for every http(s)
 * page, behind a per-session dynamic URL that pages cannot probe for.
 */
export const OPTIONAL_SITE_MATCHES = ['https://*/*', 'http://*/*'];
/** Team sync's optional permission, asked with the server's origin at setup (lib/sync/permissions.ts). */
export const OPTIONAL_PERMISSIONS: string[] = [...TEAM_OPTIONAL_PERMISSIONS];

export default defineConfig({
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: 'Local CRM Sidebar',
    description: 'Your customers beside Gmail: who they are, their history and notes. All data stays on this computer.',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'contextMenus', 'alarms', 'notifications'],
    host_permissions: [...GMAIL_MATCHES, ...SHOPIFY_ADMIN_MATCHES],
    ...(browser === 'firefox'
      ? { optional_permissions: [...OPTIONAL_SITE_MATCHES, ...OPTIONAL_PERMISSIONS] }
      : { optional_host_permissions: OPTIONAL_SITE_MATCHES, optional_permissions: OPTIONAL_PERMISSIONS }),
    // The quick note's key: one each browser assigns at install (lib/shortcut.ts says which were
    // tried); the popup shows the key really assigned and opens the browser's shortcut page.
    commands: {
      [quickNoteCommand(browser === 'firefox' ? 'firefox' : 'chrome')]: {
        suggested_key: { default: QUICK_NOTE_SUGGESTED_KEY },
        description: 'Write a quick note',
      },
    },
    web_accessible_resources:
      browser === 'firefox'
        ? ['sidebar.html']
        : [
            {
              resources: ['sidebar.html'],
              matches: [...GMAIL_MATCHES, ...SHOPIFY_ADMIN_MATCHES, ...OPTIONAL_SITE_MATCHES],
              use_dynamic_url: true,
            },
          ],
    // No other extension and no web page may message the background (Chrome's default admits
    // every extension). Firefox has no such key: other extensions' messages arrive only at
    // runtime.onMessageExternal, which the background never listens to.
    ...(browser === 'firefox' ? {} : { externally_connectable: { ids: [] as string[], matches: [] as string[] } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'local-crm-sidebar@example.org',
              strict_min_version: '140.0',
              // Nothing leaves the browser: no account, no server, no tracking.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
