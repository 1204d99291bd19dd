import { readGmailFixture } from '../scripts/browser';

/** Pages with many addresses for figure 4, built from the saved fixtures' markup. */

/** A directory page with `count` addresses: half mailto links, half plain text, 100 per section. */
export function directoryPage(count: number): string {
  const sections: string[] = [];
  for (let s = 0; s * 100 < count; s++) {
    const rows: string[] = [];
    for (let i = s * 100; i < Math.min(count, (s + 1) * 100); i++) {
      rows.push(
        i % 2 === 0
          ? `<li><a href="mailto:person${i}@firma${i % 300}.example">Person ${i}</a>, Einkauf</li>`
          : `<li>Person ${i} — person${i}@firma${i % 300}.example — Tel. 040 555 ${i}</li>`,
      );
    }
    sections.push(`<section><h2>Bezirk ${s}</h2><ul>${rows.join('')}</ul></section>`);
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>Adressen</title></head><body><main>${sections.join('')}</main></body></html>`;
}

/**
 * The single-message Gmail thread fixture with `count` recipients on its recipient line
 * (span.hb > span.g2[email], as Gmail marks them up), as a huge distribution-list mail shows.
 */
export function gmailThreadWithRecipients(count: number): string {
  const html = readGmailFixture('thread-single.html');
  const marker = '<span class="hb">to ';
  if (!html.includes(marker)) throw new Error('thread-single.html no longer has a recipient line (span.hb).');
  const recipients = Array.from(
    { length: count },
    (_, i) => `<span email="empfaenger${i}@firma${i % 300}.example" name="Empfänger ${i}" data-hovercard-id="empfaenger${i}@firma${i % 300}.example" class="g2">Empfänger ${i}</span>, `,
  ).join('');
  return html.replace(marker, marker + recipients);
}
