import type { Page } from 'playwright-core';
import type { ExtensionSession } from './browser';

/**
 * Team sync in a real Chromium, shared by `npm start -- --team`, the real-browser tests and the
 * bench: grant the server's origin, then join (or create) the team through Settings → Team as a
 * person does.
 */

export interface TeamJoin {
  url: string;
  database: string;
  user: string;
  password: string;
  displayName: string;
  /** The team passphrase: to create an encrypted team, or to join one. */
  passphrase?: string;
  /** Create the team when the database holds none (encrypted when a passphrase is given). */
  create?: boolean;
  /** Send the customers already in this browser (default: yes). */
  shareLocal?: boolean;
}

/**
 * Grants the extension access to a server origin as a user does in chrome://extensions (site
 * access): the permission prompt cannot be clicked in headless Chromium. The extension's own
 * permissions.request then resolves without a prompt, as for a user who allowed it before.
 */
export async function grantOrigin(session: ExtensionSession, url: string): Promise<void> {
  const admin = await session.context.newPage();
  await admin.goto('chrome://extensions/');
  await admin.evaluate(
    ([id, pattern]) =>
      (chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } }).developerPrivate.addHostPermission(id, pattern),
    [session.extensionId, `${new URL(url).origin}/*`] as const,
  );
  await admin.close();
  // The extension's own request then resolves without a prompt (a click: a user gesture is needed).
  const page = await session.extensionPage('/options.html');
  await page.evaluate((pattern) => {
    const button = document.createElement('button');
    button.textContent = 'allow the team server';
    button.onclick = () => void chrome.permissions.request({ origins: [pattern] });
    document.body.append(button);
  }, `${new URL(url).origin}/*`);
  await page.getByRole('button', { name: 'allow the team server' }).click();
  const deadline = Date.now() + 10_000;
  while (!(await page.evaluate((pattern) => chrome.permissions.contains({ origins: [pattern] }), `${new URL(url).origin}/*`))) {
    if (Date.now() > deadline) throw new Error(`The extension did not get access to ${url}.`);
    await page.waitForTimeout(50);
  }
  await page.close();
}

/** Settings → Team, filled in and submitted; returns the settings page (and the recovery code when it created an encrypted team). */
export async function joinTeam(session: ExtensionSession, join: TeamJoin): Promise<{ page: Page; recoveryCode: string | null }> {
  await grantOrigin(session, join.url);
  const page = await session.extensionPage('/settings.html');
  const team = page.locator('section.team');
  await team.getByLabel('Server address').fill(join.url);
  await team.getByLabel('Team database').fill(join.database);
  await team.getByLabel('Your user name on the server').fill(join.user);
  await team.getByLabel('Password', { exact: true }).fill(join.password);
  await team.getByRole('button', { name: 'Test connection' }).click();
  await team.locator('.team__probe').waitFor({ timeout: 30_000 });
  await team.getByLabel('Your name in the team').fill(join.displayName);
  const creating = (await team.locator('.team__probe').textContent())?.includes('no team in this database') ?? false;
  if (creating && !join.create) throw new Error(`${join.database} holds no team to join.`);
  if (creating) {
    const encrypt = team.getByLabel(/Encrypt end to end/);
    if (join.passphrase) {
      await team.getByLabel(/^Team passphrase/).fill(join.passphrase);
      await team.getByLabel('The passphrase again').fill(join.passphrase);
    } else await encrypt.uncheck();
  } else if (join.passphrase) {
    await team.getByLabel('Team passphrase').fill(join.passphrase);
  }
  const share = team.getByLabel(/Share the .* customers already in this browser/);
  if ((await share.count()) > 0 && join.shareLocal === false) await share.uncheck();
  await team.getByRole('button', { name: creating ? 'Create the team' : 'Join the team' }).click();
  await Promise.race([
    team.locator('.team__panel').waitFor({ timeout: 60_000 }),
    team
      .locator('.error-text')
      .waitFor({ timeout: 60_000 })
      .then(async () => {
        throw new Error(`Joining failed: ${await team.locator('.error-text').textContent()}`);
      }),
  ]);
  const code = page.getByTestId('recovery-code');
  const recoveryCode = (await code.count()) > 0 ? ((await code.textContent()) ?? null) : null;
  return { page, recoveryCode };
}

/** The team status line's state (synced, syncing, offline, …) as the settings page shows it. */
export async function teamState(page: Page): Promise<string | null> {
  return page.locator('section.team .team-status').getAttribute('data-state').catch(() => null);
}
