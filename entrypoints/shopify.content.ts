import { defineContentScript } from 'wxt/utils/define-content-script';
import { runSiteSidebar } from '../lib/sites/mount-site';
import { SHOPIFY_ADMIN } from '../lib/sites/registry';

export default defineContentScript({
  // The whole admin, so the script follows its single-page navigation onto order and customer pages.
  matches: ['https://admin.shopify.com/store/*'],
  runAt: 'document_idle',
  main: (ctx) => runSiteSidebar(ctx, SHOPIFY_ADMIN),
});
