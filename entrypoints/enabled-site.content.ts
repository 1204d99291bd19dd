import { defineContentScript } from 'wxt/utils/define-content-script';
import { runSiteSidebar } from '../lib/sites/mount-site';
import { ENABLED_SITE } from '../lib/sites/registry';

export default defineContentScript({
  // Not in the manifest: the background registers it for each site the user enables and
  // injects it once on a toolbar click (lib/background/handlers/sites.ts).
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  main: (ctx) => runSiteSidebar(ctx, ENABLED_SITE),
});
