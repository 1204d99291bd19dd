import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PAGES = resolve(import.meta.dirname, '../../fixtures/pages');

/** A saved page fixture parsed into a Document (tests run under happy-dom). */
export function loadPage(site: string, name: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(PAGES, site, name), 'utf8'), 'text/html');
}
