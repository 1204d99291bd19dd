import { browser } from 'wxt/browser';

/** The toolbar button's API: `action` in MV3 (Chrome), `browserAction` in Firefox's MV2 build. */
export function toolbarAction(): typeof browser.action | undefined {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}
