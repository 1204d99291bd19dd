import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Gmail's origin is the only host the extension needs by default; the sidebar page is
// web-accessible only there (see DESIGN.md, "Sidebar = an extension page in an iframe").
export const GMAIL_MATCHES = ['https://mail.google.com/*'];

export default defineConfig({
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: 'Local CRM Sidebar',
    description: 'Your customers beside Gmail: who they are, their history and notes. All data stays on this computer.',
    permissions: ['storage', 'unlimitedStorage'],
    host_permissions: GMAIL_MATCHES,
    web_accessible_resources:
      browser === 'firefox'
        ? ['sidebar.html']
        : [{ resources: ['sidebar.html'], matches: GMAIL_MATCHES, use_dynamic_url: true }],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'local-crm-sidebar@example.org', strict_min_version: '115.0' } } }
      : {}),
  }),
});
