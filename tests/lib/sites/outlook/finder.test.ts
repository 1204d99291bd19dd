// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findOutlookPeople } from '../../../../lib/sites/outlook/finder';
import { loadPage } from '../fixtures';

const ID = 'AAQkAGI2NTZhZmI4LTMzYjAtNDRkZC1iMDkxLWE0OTQ5MjdiMmQ5MQAQAOB5wq1pIUKlx3TLBBzJ7s%3D';
const READ = `https://outlook.office.com/mail/inbox/id/${ID}`;
const COMPOSE = 'https://outlook.office365.com/mail/deeplink/compose';

const emailsOf = (doc: Document, url = READ) => findOutlookPeople(doc, url).people.map((p) => `${p.role} ${p.email}`);

/** Adds a recipient pill to a compose field, as Outlook does when an address is picked. */
function addPill(doc: Document, field: 'To' | 'Cc', text: string) {
  const pill = doc.createElement('div');
  pill.setAttribute('contenteditable', 'false');
  pill.setAttribute('data-lpc-hover-target-id', `lpc-test-${text.length}`);
  const span = doc.createElement('span');
  span.textContent = text;
  pill.append(span);
  doc.querySelector(`[aria-label="${field}"][contenteditable="true"]`)?.append(pill);
}

describe('findOutlookPeople on a conversation', () => {
  it('reads the sender, To and Cc of each message, names resolved by addresses shown on the page', () => {
    const found = findOutlookPeople(loadPage('outlook', 'conversation.html'), READ);
    expect(found).toMatchObject({ view: 'thread', threadId: 'AAQkAGI2NTZhZmI4LTMzYjAtNDRkZC1iMDkxLWE0OTQ5MjdiMmQ5MQAQAOB5wq1pIUKlx3TLBBzJ7s=', self: 'owner@example-shop.com' });
    expect(found.people).toEqual([
      { email: 'maria.jensen@nordlicht-moebel.de', name: 'Maria Jensen', role: 'from' },
      { email: 'maria.jensen@nordlicht-moebel.de', name: 'Maria Jensen', role: 'to' },
      { email: 'maria.jensen@nordlicht-moebel.de', name: 'Maria Jensen', role: 'cc' },
      { email: 'tom@becker-baeckerei.de', name: 'Tom Becker', role: 'from' },
      { email: 'tom@becker-baeckerei.de', name: 'Tom Becker', role: 'to' },
      { email: 'buchhaltung@nordlicht-moebel.de', name: '', role: 'cc' },
    ]);
    // The user twice, Anke Schulz and Jonas Weber: shown by name only, nowhere with an address.
    expect(found.namesOnly).toBe(4);
  });

  it('leaves the user out and ignores addresses written in the bodies', () => {
    const emails = emailsOf(loadPage('outlook', 'conversation.html')).join(' ');
    for (const absent of ['owner@example-shop.com', 'anke@example-shop.com', 'sabine@cafe-sonnenschein.de', 'lena.vogel@gmail.com']) {
      expect(emails).not.toContain(absent);
    }
  });

  it('reads the same people with every class renamed away (no hashed class is relied on)', () => {
    const doc = loadPage('outlook', 'conversation.html');
    for (const el of Array.from(doc.querySelectorAll('[class]'))) el.setAttribute('class', 'x9Qz1');
    expect(emailsOf(doc)).toEqual(emailsOf(loadPage('outlook', 'conversation.html')));
  });

  it('reads a German Outlook: labels "Von:", "An:", "Lesebereich", "Nachrichtentext"', () => {
    const doc = loadPage('outlook', 'conversation.html');
    const german: [RegExp, string][] = [
      [/^From: /, 'Von: '],
      [/^To: /, 'An: '],
      [/^Reading Pane$/, 'Lesebereich'],
      [/^Message body$/, 'Nachrichtentext'],
      [/^Email message$/, 'E-Mail-Nachricht'],
    ];
    for (const el of Array.from(doc.querySelectorAll('[aria-label]'))) {
      let label = el.getAttribute('aria-label') ?? '';
      for (const [from, to] of german) label = label.replace(from, to);
      el.setAttribute('aria-label', label);
    }
    for (const line of Array.from(doc.querySelectorAll('[aria-readonly="true"]'))) {
      const first = line.firstChild;
      if (first?.nodeType === 3) first.nodeValue = (first.nodeValue ?? '').replace(/^To:/, 'An:');
    }
    expect(emailsOf(doc)).toEqual(emailsOf(loadPage('outlook', 'conversation.html')));
  });

  it('falls back to the lines’ order (To, then Cc) where the label is a word it does not know', () => {
    const doc = loadPage('outlook', 'conversation.html');
    for (const line of Array.from(doc.querySelectorAll('[aria-readonly="true"]'))) {
      line.setAttribute('aria-label', 'Ψ');
      if (line.firstChild?.nodeType === 3) line.firstChild.nodeValue = 'Ψ ';
    }
    expect(emailsOf(doc)).toEqual(emailsOf(loadPage('outlook', 'conversation.html')));
  });

  it('reads a recipient line that lists names as text, split at semicolons', () => {
    const doc = loadPage('outlook', 'conversation.html');
    const line = doc.querySelectorAll('[data-testid="RecipientWell"] [aria-readonly="true"]')[3] as Element;
    line.textContent = 'Cc: Maria Jensen; buchhaltung@nordlicht-moebel.de';
    expect(emailsOf(doc)).toContain('cc buchhaltung@nordlicht-moebel.de');
  });

  it('does not resolve a name that two addresses share on the page', () => {
    const doc = loadPage('outlook', 'conversation.html');
    const row = doc.querySelector('#fx-row-b [title]') as Element;
    row.setAttribute('title', 'maria@other-maria.example');
    row.textContent = 'Maria Jensen';
    const emails = emailsOf(doc);
    expect(emails).toContain('from maria.jensen@nordlicht-moebel.de');
    expect(emails).not.toContain('to maria.jensen@nordlicht-moebel.de');
    expect(emails.join(' ')).not.toContain('other-maria');
  });

  it('follows a switch to another conversation in place (the pane re-rendered, the URL not yet changed)', () => {
    const doc = loadPage('outlook', 'conversation.html');
    const subject = doc.querySelector('[id^="CONV_"]') as Element;
    subject.id = 'CONV_AAQkAGI2NTZhZmI4LTMzYjAtNDRkZC1iMDkxLWE0OTQ5MjdiMmQ5MQAQAH3kR0sbqkFAtzJ9Tq4v6Qc=_SUBJECT';
    const container = doc.querySelector('[data-app-section="ConversationContainer"]') as Element;
    container.replaceChildren();
    const message = doc.createElement('div');
    const sender = doc.createElement('span');
    sender.setAttribute('data-lpc-hover-target-id', 'lpc-x');
    sender.textContent = 'Lena Vogel<lena.vogel@gmail.com>';
    const date = doc.createElement('div');
    date.setAttribute('data-testid', 'SentReceivedSavedTime');
    message.append(sender, date);
    container.append(message);
    const found = findOutlookPeople(doc, READ);
    expect(found.threadId).toBe('AAQkAGI2NTZhZmI4LTMzYjAtNDRkZC1iMDkxLWE0OTQ5MjdiMmQ5MQAQAH3kR0sbqkFAtzJ9Tq4v6Qc=');
    expect(found.people).toEqual([{ email: 'lena.vogel@gmail.com', name: 'Lena Vogel', role: 'from' }]);
  });
});

describe('findOutlookPeople while writing', () => {
  it('adds the recipients of a reply written inline under the conversation', () => {
    const emails = emailsOf(loadPage('outlook', 'conversation-reply.html'));
    expect(emails).toEqual(expect.arrayContaining(['to lena.vogel@gmail.com', 'cc jonas.weber@kaffeerad.de']));
    expect(findOutlookPeople(loadPage('outlook', 'conversation-reply.html'), READ).people).toContainEqual({
      email: 'lena.vogel@gmail.com',
      name: 'Lena Vogel',
      role: 'to',
    });
  });

  it('is a compose view with nobody in it until pills are added, then follows them', () => {
    const doc = loadPage('outlook', 'compose.html');
    expect(findOutlookPeople(doc, COMPOSE)).toMatchObject({ view: 'compose', people: [] });
    addPill(doc, 'To', 'Maria Jensen <maria.jensen@nordlicht-moebel.de>');
    addPill(doc, 'To', 'tom@becker-baeckerei.de');
    addPill(doc, 'Cc', 'Jonas Weber');
    const found = findOutlookPeople(doc, COMPOSE);
    expect(found.people).toEqual([
      { email: 'maria.jensen@nordlicht-moebel.de', name: 'Maria Jensen', role: 'to' },
      { email: 'tom@becker-baeckerei.de', name: '', role: 'to' },
    ]);
    expect(found.namesOnly).toBe(1);
    doc.querySelector('[aria-label="To"][contenteditable="true"]')?.firstElementChild?.remove();
    expect(emailsOf(doc, COMPOSE)).toEqual(['to tom@becker-baeckerei.de']);
  });

  it('reads a new message opened in the reading pane (no URL change) as compose', () => {
    const doc = loadPage('outlook', 'inbox.html');
    const compose = loadPage('outlook', 'compose.html').querySelector('[data-app-section="Form_Content"]') as Element;
    doc.querySelector('[data-app-section="MailReadCompose"]')?.replaceChildren(doc.importNode(compose, true));
    addPill(doc, 'To', 'Tom Becker <tom@becker-baeckerei.de>');
    expect(findOutlookPeople(doc, 'https://outlook.live.com/mail/0/')).toMatchObject({
      view: 'compose',
      people: [{ email: 'tom@becker-baeckerei.de', name: 'Tom Becker', role: 'to' }],
    });
  });
});

describe('findOutlookPeople elsewhere', () => {
  it('reports the list view with nobody in it, the list rows’ senders left out', () => {
    expect(findOutlookPeople(loadPage('outlook', 'inbox.html'), 'https://outlook.live.com/mail/0/')).toMatchObject({
      view: 'inbox',
      threadId: null,
      self: 'owner@example-shop.com',
      people: [],
    });
  });

  it('returns nothing rather than throwing on a document it cannot read', () => {
    expect(findOutlookPeople({} as Document, READ)).toEqual({ view: 'thread', threadId: expect.any(String), self: null, people: [], namesOnly: 0 });
  });
});
