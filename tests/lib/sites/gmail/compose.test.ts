// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findComposeRecipients } from '../../../../lib/sites/gmail/compose';
import { findPeople } from '../../../../lib/sites/gmail/finder';
import { loadPage } from './load-page';

/**
 * A compose window in the shapes gmail-dom-selectors.json records ("compose"): the PeopleKit
 * recipient UI (div[name=to|cc|bcc] with [data-hovercard-id] chips) and the old chip UI
 * (hidden inputs named to/cc/bcc).
 */
function composeWindow(): Document {
  return new DOMParser().parseFromString(
    `<html><head><title>Inbox - owner@example-shop.com - Gmail</title></head><body>
      <div class="M9"><table><tr class="bzf">
        <td><div name="to">
          <div role="option" data-hovercard-id="maria.jensen@nordlicht-moebel.de" data-name="Maria Jensen">Maria Jensen</div>
          <div role="option" data-hovercard-id="owner@example-shop.com" data-name="me">me</div>
        </div></td>
        <td><div name="cc"><div role="option" data-hovercard-id="Tom@Becker-Baeckerei.de\u202c" data-name="tom@becker-baeckerei.de">x</div></div></td>
      </tr></table></div>
      <div class="AD"><div class="GS">
        <div class="vR"><input type="hidden" name="bcc" value="lena.vogel@gmail.com"></div>
        <input type="hidden" name="subjectbox" value="x@y.example">
      </div></div>
      <div name="to"><span data-hovercard-id="outside@compose.example"></span></div>
    </body></html>`,
    'text/html',
  );
}

describe('findComposeRecipients', () => {
  it('reads PeopleKit and old-chip recipients with their roles, only inside compose windows', () => {
    expect(findComposeRecipients(composeWindow())).toEqual([
      { email: 'maria.jensen@nordlicht-moebel.de', name: 'Maria Jensen', role: 'to' },
      { email: 'owner@example-shop.com', name: 'me', role: 'to' },
      { email: 'tom@becker-baeckerei.de', name: '', role: 'cc' },
      { email: 'lena.vogel@gmail.com', name: '', role: 'bcc' },
    ]);
  });

  it('makes the typed recipients the people of a compose view, the user left out', () => {
    const found = findPeople(composeWindow(), { url: 'https://mail.google.com/mail/u/0/#inbox?compose=new' });
    expect(found.view).toBe('compose');
    expect(found.people.map((p) => p.email)).toEqual(['maria.jensen@nordlicht-moebel.de', 'tom@becker-baeckerei.de', 'lena.vogel@gmail.com']);
  });

  it('finds no one when no compose window is open', () => {
    expect(findComposeRecipients(new DOMParser().parseFromString('<div name="to"></div>', 'text/html'))).toEqual([]);
  });
});

describe('the authored compose fixture (compose.html)', () => {
  const COMPOSE_URL = 'https://mail.google.com/mail/u/0/#inbox?compose=new';

  /** Adds a PeopleKit chip as Gmail does when an address is typed (see the fixture's header). */
  function addChip(doc: Document, field: 'to' | 'cc' | 'bcc', email: string, name: string) {
    const chip = doc.createElement('div');
    chip.className = 'agh';
    const option = doc.createElement('div');
    option.setAttribute('role', 'option');
    option.setAttribute('data-hovercard-id', email);
    option.setAttribute('data-name', name);
    option.textContent = name;
    chip.append(option);
    doc.querySelector(`div[name="${field}"] [role="listbox"]`)?.append(chip);
  }

  it('is a compose view with nobody in it until a recipient is typed, the inbox behind it ignored', () => {
    const doc = loadPage('compose.html');
    expect(findPeople(doc, { url: COMPOSE_URL })).toMatchObject({ view: 'compose', self: 'owner@example-shop.com', people: [] });
    addChip(doc, 'to', 'maria.jensen@nordlicht-moebel.de', 'Maria Jensen');
    addChip(doc, 'cc', 'tom@becker-baeckerei.de', 'Tom Becker');
    expect(findPeople(doc, { url: COMPOSE_URL }).people).toEqual([
      { email: 'maria.jensen@nordlicht-moebel.de', name: 'Maria Jensen', role: 'to' },
      { email: 'tom@becker-baeckerei.de', name: 'Tom Becker', role: 'cc' },
    ]);
  });
});

describe('an inline reply under the thread (thread-inline-reply.html)', () => {
  const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKrzzLDFKRWhmrVNKVtJv';

  function addChip(doc: Document, field: 'to' | 'cc', email: string, name: string) {
    const chip = doc.createElement('div');
    chip.className = 'agh';
    const option = doc.createElement('div');
    option.setAttribute('role', 'option');
    option.setAttribute('data-hovercard-id', email);
    option.setAttribute('data-name', name);
    option.textContent = name;
    chip.append(option);
    doc.querySelector(`.ip div[name="${field}"] [role="listbox"]`)?.append(chip);
  }

  it('adds a recipient typed into the inline reply to the thread’s people, with its role', () => {
    const doc = loadPage('thread-inline-reply.html');
    expect(findPeople(doc, { url: THREAD_URL }).people).toEqual([
      { email: 'maria.jensen@nordlicht-moebel.de', name: 'Maria Jensen', role: 'from' },
      { email: 'maria.jensen@nordlicht-moebel.de', name: 'Maria Jensen', role: 'to' },
    ]);
    addChip(doc, 'cc', 'tom@becker-baeckerei.de', 'Tom Becker');
    const found = findPeople(doc, { url: THREAD_URL });
    expect(found.view).toBe('thread');
    expect(found.people).toContainEqual({ email: 'tom@becker-baeckerei.de', name: 'Tom Becker', role: 'cc' });
  });

  it('leaves out the user typed into the reply and a new message floating outside the thread', () => {
    const doc = loadPage('thread-inline-reply.html');
    addChip(doc, 'cc', 'owner@example-shop.com', 'me');
    const floating = doc.createElement('div');
    floating.className = 'M9';
    const field = doc.createElement('div');
    field.setAttribute('name', 'to');
    const chip = doc.createElement('div');
    chip.setAttribute('data-hovercard-id', 'someone.else@elsewhere.example');
    field.append(chip);
    floating.append(field);
    doc.body.append(floating);
    expect(findPeople(doc, { url: THREAD_URL }).people.map((p) => p.email)).toEqual([
      'maria.jensen@nordlicht-moebel.de',
      'maria.jensen@nordlicht-moebel.de',
    ]);
  });
});
