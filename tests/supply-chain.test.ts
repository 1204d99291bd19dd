import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

interface LockPackage {
  version?: string;
  hasInstallScript?: boolean;
}

const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, LockPackage> };
const manifest = JSON.parse(read('package.json')) as { allowScripts?: Record<string, boolean> };

/** The package name of a lockfile path (`node_modules/a/node_modules/@b/c` → `@b/c`). */
const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

function atLeast(version: string, minimum: string): boolean {
  const a = version.split(/[.-]/).map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

describe('S10 supply chain', () => {
  it('reviews every dependency with an install script in allowScripts, and lets none run', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.hasInstallScript === true)
      .map(([path]) => nameOf(path));
    const allow = manifest.allowScripts ?? {};
    // npm refuses to install a dependency whose script is not listed (.npmrc strict-allow-scripts)…
    expect(read('.npmrc')).toMatch(/^strict-allow-scripts\s*=\s*true$/m);
    for (const name of withScripts) expect(Object.keys(allow), `${name} has an install script`).toContain(name);
    // …and none of them needs one: esbuild finds its platform binary without its postinstall;
    // spawn-sync's would rewrite its own package.json and run npm.
    expect(Object.entries(allow).filter(([, allowed]) => allowed !== false)).toEqual([]);
  });

  it('ships a Preact patched against JSON VNode injection (CVE-2026-22028, fixed in 10.28.2)', () => {
    const preacts = Object.entries(lock.packages).filter(([path]) => nameOf(path) === 'preact');
    expect(preacts.length).toBeGreaterThan(0);
    for (const [path, entry] of preacts) expect(atLeast(entry.version ?? '0', '10.28.2'), `${path}@${entry.version}`).toBe(true);
  });
});
