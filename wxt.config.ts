import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { TEAM_OPTIONAL_PERMISSIONS } from './lib/sync/permissions';
import { QUICK_NOTE_SUGGESTED_KEY, quickNoteCommand } from './lib/shortcut';
import { BUILT_IN_SITES, builtInHostPatterns } from './lib/sites/registry';

// The built-in sites of lib/sites/registry.ts are granted at install, each with its content
// script (lib/sites/<id>/content.ts); the sidebar page is web-accessible where content scripts
// may mount it (see DESIGN.md, "Sidebar = an extension page in an iframe").
export const BUILT_IN_HOSTS = builtInHostPatterns();
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
  hooks: {
    // One content script per built-in site, built from its folder: adding a site adds no entrypoint.
    'entrypoints:resolved': (wxt, entrypoints) => {
      for (const site of BUILT_IN_SITES) {
        entrypoints.push({
          type: 'content-script',
          name: site.id,
          inputPath: resolve(wxt.config.root, 'lib/sites', site.id, 'content.ts'),
          outputDir: resolve(wxt.config.outDir, 'content-scripts'),
          options: { matches: [...site.matches], runAt: site.runAt ?? 'document_idle' },
          skipped: false,
        });
      }
    },
  },
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: 'Local CRM Sidebar',
    description: 'Your customers beside Gmail and Outlook: who they are, their history and notes. All data stays on this computer.',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'contextMenus', 'alarms', 'notifications'],
    host_permissions: BUILT_IN_HOSTS,
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
              matches: [...BUILT_IN_HOSTS, ...OPTIONAL_SITE_MATCHES],
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
