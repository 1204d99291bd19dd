// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SELECTOR } from '../../../../lib/sites/gmail/selectors';
import { loadPage } from './load-page';

/**
 * Expected match counts per page, so a selector edit that silently matches more or less shows
 * up here. Thread fixtures are authored after gmail-dom-selectors.json; the real/ pages are the
 * saved Gmail captures from InboxSDK.
 */
const COUNTS: Record<string, Partial<Record<keyof typeof SELECTOR, number>>> = {
  'thread-single.html': { sender: 1, recipient: 1, detailsTable: 0, threadSubject: 1, threadListRow: 2, me: 1, main: 1 },
  'thread-inline-reply.html': { sender: 1, recipient: 1, detailsTable: 0, threadSubject: 1, threadListRow: 2, me: 1, main: 1, person: 5 },
  'thread-long.html': { sender: 6, recipient: 2, detailsTable: 0, threadSubject: 1, threadListRow: 2, me: 3, main: 1 },
  'thread-many-recipients.html': { sender: 4, recipient: 18, detailsTable: 1, threadSubject: 1, threadListRow: 2, me: 4 },
  'thread-own-replies.html': { sender: 7, recipient: 3, detailsTable: 1, threadSubject: 1, threadListRow: 2, me: 2 },
  'inbox.html': { sender: 0, threadSubject: 0, threadOpen: 0, threadListRow: 6, threadListPerson: 6, me: 1, main: 1 },
  'real/inboxsdk-inbox-thread-list-2014.html': { sender: 0, threadSubject: 0, threadOpen: 0, threadListRow: 16, threadListPerson: 31, me: 3, main: 1 },
  'real/inboxsdk-thread-rows-2014-2015.html': { threadOpen: 0, threadListRow: 6, threadListPerson: 5, me: 3 },
};

describe('Gmail selectors', () => {
  for (const [page, counts] of Object.entries(COUNTS)) {
    it(`match the expected number of elements in ${page}`, () => {
      const doc = loadPage(page);
      const actual = Object.fromEntries(
        Object.keys(counts).map((key) => [key, doc.querySelectorAll(SELECTOR[key as keyof typeof SELECTOR]).length]),
      );
      expect(actual).toEqual(counts);
    });
  }

  it('find messages in every state of thread-long.html: 1 expanded, 5 collapsed, 3 hidden', () => {
    const doc = loadPage('thread-long.html');
    expect(doc.querySelectorAll('.h7')).toHaveLength(1);
    expect(doc.querySelectorAll('.kv')).toHaveLength(5);
    expect(doc.querySelectorAll('.kQ, .kx')).toHaveLength(3);
    expect(doc.querySelectorAll(`.h7 ${SELECTOR.sender}, .kv ${SELECTOR.sender}`)).toHaveLength(6);
  });
});
