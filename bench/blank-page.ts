import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** An empty extension page, added to the bench's copy of the build only (never shipped). */
export const BLANK_PAGE = 'bench-blank.html';

/**
 * Adds the empty page to a copy of the Chrome build and makes it web-accessible on Gmail, so a
 * Gmail tab can frame it beside the sidebar: the floor an extension page in an iframe cannot beat.
 */
export function addBlankPage(buildDir: string): void {
  writeFileSync(join(buildDir, BLANK_PAGE), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>-</title></head><body></body></html>\n');
  const path = join(buildDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { web_accessible_resources?: unknown[] };
  manifest.web_accessible_resources = [...(manifest.web_accessible_resources ?? []), { resources: [BLANK_PAGE], matches: ['https://mail.google.com/*'] }];
  writeFileSync(path, JSON.stringify(manifest));
}
