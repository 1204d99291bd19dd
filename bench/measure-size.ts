import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { round, type Figure } from './figures';

/** Figure 1: each content script of the Chrome build, minified (as built) and gzipped. */
export function measureSizes(extensionDir: string): Figure[] {
  const dir = join(extensionDir, 'content-scripts');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .flatMap((file) => {
      const bytes = readFileSync(join(dir, file));
      const name = file.replace(/\.js$/, '');
      return [
        { group: 1, name: `content script ${name}, minified`, value: round(bytes.length / 1024), unit: 'KB', budget: name === 'gmail' ? 20 : null },
        { group: 1, name: `content script ${name}, gzipped`, value: round(gzipSync(bytes, { level: 9 }).length / 1024), unit: 'KB', budget: null },
      ];
    });
}
