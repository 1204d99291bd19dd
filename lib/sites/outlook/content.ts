import { defineContentScript } from 'wxt/utils/define-content-script';
import { runSite } from '../run-site';
import { outlookAdapter } from './adapter';
import { outlookSite } from './site';

// Built by wxt.config.ts for every built-in site of lib/sites/registry.ts.
export default defineContentScript({
  matches: [...outlookSite.matches],
  runAt: outlookSite.runAt,
  main: (ctx) => runSite(ctx, [outlookAdapter]),
});
