// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SELECTOR } from '../../../../lib/sites/gmail/selectors';
import { loadPage } from './load-page';

// Expected match counts of every selector on every page: tests/fixtures/pages/gmail/expected.json,
// checked by tests/lib/sites/adapters.test.ts.

describe('Gmail selectors', () => {
  it('find messages in every state of thread-long.html: 1 expanded, 5 collapsed, 3 hidden', () => {
    const doc = loadPage('thread-long.html');
    expect(doc.querySelectorAll('.h7')).toHaveLength(1);
    expect(doc.querySelectorAll('.kv')).toHaveLength(5);
    expect(doc.querySelectorAll('.kQ, .kx')).toHaveLength(3);
    expect(doc.querySelectorAll(`.h7 ${SELECTOR.sender}, .kv ${SELECTOR.sender}`)).toHaveLength(6);
  });
});
