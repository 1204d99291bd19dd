import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A string, not `new URL(...)`: under happy-dom the global URL is the page's, not Node's.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/pages/gmail/');

/** The fixture's HTML text. */
export function fixtureHtml(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

/**
 * A fixture parsed as an inert document: DOMParser runs no scripts, which matters for the real
 * saved inbox page (it still holds Gmail's inline scripts).
 */
export function loadPage(name: string): Document {
  return new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
}
