import { describe, expect, it } from 'vitest';
import { driftDiagnostic } from '../../../lib/sidebar/drift';

describe('driftDiagnostic', () => {
  it('holds the version, site, view, selector counts and browser, and nothing else', () => {
    const text = driftDiagnostic(
      { site: 'gmail', view: 'thread', counts: { threadOpen: 0, sender: 0, main: 1 } },
      { version: '0.1.0', now: Date.UTC(2026, 10, 30, 12), browser: 'Chromium' },
    );
    expect(JSON.parse(text)).toEqual({
      product: 'Local CRM Sidebar',
      version: '0.1.0',
      site: 'gmail',
      view: 'thread',
      selectorCounts: { threadOpen: 0, sender: 0, main: 1 },
      browser: 'Chromium',
      at: '2026-11-30T12:00:00.000Z',
    });
  });
});
