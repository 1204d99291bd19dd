import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The lint rules that keep the layers' direction and forbid import cycles (eslint.config.js)
 * fire on a crossing and on a cycle, and stay quiet on an allowed import. Each probe is linted
 * as if it stood at a path inside the project; nothing is written there.
 */

const root = join(__dirname, '../..');
let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: root, ignore: false });
  // The first lint loads the TypeScript resolver and the project's files: seconds, once.
  await eslint.lintText('export {};\n', { filePath: join(root, 'lib/model/probe.ts') });
}, 120_000);

async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const crossing = expect.stringMatching(/^import-x\/no-restricted-paths/);

// Each probe's imports are read and followed (for cycles) the first time: allow for a loaded machine.
describe('the layers’ lint', { timeout: 60_000 }, () => {
  it('refuses the domain importing the database, the protocol or the background', async () => {
    expect(await problems('lib/model/probe.ts', "export { openDatabase } from '../db/index';\n")).toEqual([crossing]);
    expect(await problems('lib/insights/probe.ts', "export { PROTOCOL } from '../messaging/protocol';\n")).toEqual([crossing]);
    expect(await problems('lib/email/probe.ts', "export { wireChanges } from '../background/changes';\n")).toEqual([crossing]);
  });

  it('refuses the database importing messaging, an import job or the background', async () => {
    expect(await problems('lib/db/probe.ts', "export { PROTOCOL } from '../messaging/protocol';\n")).toEqual([crossing]);
    expect(await problems('lib/db/probe.ts', "export { runCsvImport } from '../import/job';\n")).toEqual([crossing]);
    expect(await problems('lib/db/probe.ts', "export { PortHub } from '../background/ports';\n")).toEqual([crossing]);
  });

  it('refuses pages reaching the database or the background, and the background reaching pages', async () => {
    expect(await problems('components/probe.ts', "export { openDatabase } from '../lib/db/index';\n")).toEqual([crossing]);
    expect(await problems('lib/sidebar/probe.ts', "export { PortHub } from '../background/ports';\n")).toEqual([crossing]);
    expect(await problems('lib/background/probe.ts', "export { createSidebarStore } from '../sidebar/store';\n")).toEqual([crossing]);
  });

  it('refuses lib/db reached around its one entry, and lets the entry through', async () => {
    expect(await problems('lib/background/probe.ts', "export { getCustomerCard } from '../db/customers';\n")).toEqual([crossing]);
    expect(await problems('lib/background/probe.ts', "export { getCustomerCard } from '../db/index';\n")).toEqual([]);
    expect(await problems('lib/background/probe.ts', "export { matches } from '../sites/gmail/url';\n")).toEqual([]);
  });

  it('refuses a browser API in the domain', async () => {
    expect(await problems('lib/insights/probe.ts', 'export const id = (): string => chrome.runtime.id;\n')).toEqual([
      expect.stringMatching(/^no-restricted-globals/),
    ]);
  });

  it('refuses an import cycle', async () => {
    const results = await eslint.lintFiles([join(__dirname, 'fixtures/cycle-a.ts'), join(__dirname, 'fixtures/cycle-b.ts')]);
    const cycles = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'import-x/no-cycle'));
    expect(cycles).toHaveLength(2);
  });
});
