import { defineContentScript } from 'wxt/utils/define-content-script';
import { runSite } from '../run-site';
import { gmailAdapter } from './adapter';
import { gmailSite } from './site';

// Built by wxt.config.ts for every built-in site of lib/sites/registry.ts.
export default defineContentScript({
  matches: [...gmailSite.matches],
  runAt: gmailSite.runAt,
  main: (ctx) => runSite(ctx, [gmailAdapter]),
});
