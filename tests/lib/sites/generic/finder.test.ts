// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findPageEmails, MAX_PEOPLE } from '../../../../lib/sites/generic/finder';
import { loadPage } from '../fixtures';

describe('findPageEmails', () => {
  it('finds every address of the member directory once, strongest role first', () => {
    const people = findPageEmails(loadPage('websites', 'many-emails.html'));
    expect(people).toEqual([
      { email: 'maria.jensen@nordlicht-moebel.de', name: 'Maria Jensen', role: 'itemprop' },
      { email: 'tom@becker-baeckerei.de', name: 'Tom Becker', role: 'json_ld' },
      { email: 'jonas.weber@kaffeerad.de', name: 'Jonas Weber', role: 'mailto' },
      { email: 'vorstand@hamburg-handel.example', name: 'Vorstand', role: 'mailto' },
      { email: 'kasse@hamburg-handel.example', name: 'Vorstand', role: 'mailto' },
      { email: 'lena.vogel@gmail.com', name: '', role: 'text' },
      { email: 'mitglieder@hamburg-handel.example', name: '', role: 'text' },
    ]);
  });

  it('reads JSON-LD, mailto links and Cloudflare-obfuscated addresses on a company site', () => {
    const people = findPageEmails(loadPage('websites', 'company.html'));
    expect(people.map((p) => [p.email, p.role])).toEqual([
      ['info@nordlicht-moebel.de', 'json_ld'],
      ['presse@nordlicht-moebel.de', 'mailto'],
    ]);
  });

  it('skips scripts, styles, form fields, hidden elements and the sidebar mount', () => {
    const doc = loadPage('websites', 'many-emails.html');
    const host = doc.createElement('crm-sidebar-host');
    host.textContent = 'mine@own-mount.example';
    doc.body.append(host);
    const emails = findPageEmails(doc).map((p) => p.email);
    for (const hidden of ['noreply@tracker.example', 'draft@hidden.example', 'hidden@hidden.example', 'mine@own-mount.example']) {
      expect(emails).not.toContain(hidden);
    }
  });

  it('cuts a huge page to the protocol limit, structured addresses first', () => {
    const doc = document.implementation.createHTMLDocument('many');
    const list = doc.createElement('ul');
    for (let i = 0; i < 800; i++) {
      const li = doc.createElement('li');
      li.textContent = `person${i}@example.org`;
      list.append(li);
    }
    const link = doc.createElement('a');
    link.href = 'mailto:last@example.org';
    list.append(link);
    doc.body.append(list);
    const people = findPageEmails(doc);
    expect(people).toHaveLength(MAX_PEOPLE);
    expect(people[0]).toMatchObject({ email: 'last@example.org', role: 'mailto' });
  });

  it('returns nothing rather than throwing on a root it cannot read', () => {
    expect(findPageEmails({} as ParentNode)).toEqual([]);
  });
});
