// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { addressesInVisibleText } from '../../../../lib/sites/generic/visible-text';

function body(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
}

describe('addressesInVisibleText', () => {
  it.each([
    ['two paragraphs', '<p><span>tom@becker-baeckerei.de</span></p><p>Will receive notifications in English</p>'],
    ['a line break', 'tom@becker-baeckerei.de<br>Hamburg'],
    ['table cells', '<table><tr><td>Contact</td><td>tom@becker-baeckerei.de</td><td>Hamburg</td></tr></table>'],
    ['a copy button', '<span>tom@becker-baeckerei.de</span><button>Copy</button>'],
    ['sibling spans (flex items)', '<div><span>Contact information</span><span>tom@becker-baeckerei.de</span><span>Edit</span></div>'],
    ['list items', '<ul><li>Owner</li><li>tom@becker-baeckerei.de</li><li>Sales</li></ul>'],
    ['a label and a link', '<label>Email</label><a href="/x">tom@becker-baeckerei.de</a>Next'],
  ])('keeps an address apart from the text after %s', (_what, html) => {
    expect(addressesInVisibleText(body(html))).toEqual(['tom@becker-baeckerei.de']);
  });

  it('joins text across the inline formatting used inside a word', () => {
    expect(addressesInVisibleText(body('<p>Write to <b>tom</b>@becker-baeckerei.<mark>de</mark> today</p>'))).toEqual([
      'tom@becker-baeckerei.de',
    ]);
  });

  it('skips scripts, form controls, hidden subtrees and the sidebar mount', () => {
    const html =
      '<script>var a = "s@script.example"</script><textarea>t@area.example</textarea><div hidden>h@hidden.example</div>' +
      '<crm-sidebar-host>m@mount.example</crm-sidebar-host><p>seen@visible.example</p>';
    expect(addressesInVisibleText(body(html))).toEqual(['seen@visible.example']);
  });

  it('reads a page thousands of levels deep without exhausting the stack', () => {
    const doc = document.implementation.createHTMLDocument('deep');
    let el: HTMLElement = doc.body;
    for (let i = 0; i < 20_000; i++) {
      const child = doc.createElement('div');
      el.append(child);
      el = child;
    }
    el.textContent = 'deep@nested.example';
    expect(addressesInVisibleText(doc.body)).toEqual(['deep@nested.example']);
  });
});
