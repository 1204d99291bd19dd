import { defineContentScript } from 'wxt/utils/define-content-script';
import { ENABLED_SITE_ADAPTERS } from '../lib/sites/enabled-site';
import { runSite } from '../lib/sites/run-site';

export default defineContentScript({
  // Not in the manifest: the background registers it for each site the user enables and
  // injects it once on a toolbar click (lib/background/handlers/sites.ts).
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  main: (ctx) => runSite(ctx, ENABLED_SITE_ADAPTERS),
});
