import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUICK_NOTE_SUGGESTED_KEY } from '../../lib/shortcut';
import { browserAvailable, launchExtension, sendFromPage, serveGmail, type ExtensionSession } from './harness';

/** Everyday use in the built extension: the shortcut, the popup's size, Gmail left whole, undo. */

const run = browserAvailable();

describe.runIf(run)('everyday use in real Chromium', () => {
  let session: ExtensionSession;
  const fixture = 'thread-single.html';

  beforeAll(async () => {
    session = await launchExtension();
    await serveGmail(session.context, () => fixture);
    const page = await session.extensionPage('/options.html');
    expect(await sendFromPage(page, 'sample.load', {})).toMatchObject({ ok: true });
    await page.close();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('has the quick-note shortcut assigned after install, and the popup names it', async () => {
    const commands = await session.worker.evaluate(() => chrome.commands.getAll());
    const quickNote = commands.find((c) => c.name === '_execute_action');
    expect(quickNote?.shortcut).toBe(QUICK_NOTE_SUGGESTED_KEY);

    const popup = await session.extensionPage('/popup.html');
    await expect.poll(() => popup.getByRole('button', { name: /^Keyboard shortcut/ }).textContent()).toBe(QUICK_NOTE_SUGGESTED_KEY);
    await popup.close();
  });
});
