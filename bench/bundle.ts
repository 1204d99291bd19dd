import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { ROOT } from '../scripts/browser';

/**
 * The project's own code bundled standalone (esbuild, as shipped: same sources, minified), so
 * a measurement runs exactly that code inside the browser — in a page or in the background
 * service worker — without anything bench-only in the extension itself.
 */
export function bundleForBrowser(entry: string, globalName: string): string {
  const out = buildSync({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    globalName,
    target: 'es2022',
    platform: 'browser',
    logLevel: 'silent',
  }).outputFiles[0]?.text;
  if (!out) throw new Error(`esbuild produced nothing for ${entry}`);
  // `var x = …` at the top of an evaluated script would stay local to the evaluation.
  return `${out};globalThis.${globalName} = ${globalName}; 0`;
}

/**
 * tsx compiles the bench with esbuild's keepNames, which wraps named functions inside the
 * callbacks given to `evaluate` in a `__name` helper that only exists in Node: the browser side
 * gets a no-op one.
 */
export const NAME_SHIM = 'globalThis.__name ??= (fn) => fn; 0';
