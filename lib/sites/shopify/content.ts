import { defineContentScript } from 'wxt/utils/define-content-script';
import { runSite } from '../run-site';
import { shopifyAdapter } from './adapter';
import { shopifySite } from './site';

// Built by wxt.config.ts for every built-in site of lib/sites/registry.ts.
export default defineContentScript({
  matches: [...shopifySite.matches],
  main: (ctx) => runSite(ctx, [shopifyAdapter]),
});
