// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CustomerCard } from '../../../components/sidebar/customer-card';
import { createCard, createCustomer, createInteraction, createNote, createOrder, mount, NOW } from '../helpers';

/** Strings a page, an import or a shared book can put into any field. */
const HOSTILE = {
  img: '<img src=x onerror="globalThis.__pwned=1">',
  script: '</script><script>globalThis.__pwned=1</script>',
  jsUrl: 'javascript:globalThis.__pwned=1',
  dataUrl: 'data:text/html,<script>globalThis.__pwned=1</script>',
  rtl: 'Invoice \u202Egpj.exe',
  zeroWidth: 'A\u200Bn\u200Dn\uFEFF',
  loneSurrogate: 'broken \uD800 pair',
  nul: 'nul\u0000byte',
} as const;

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  delete (globalThis as { __pwned?: unknown }).__pwned;
});

function render(overrides: Parameters<typeof createCard>[0]) {
  view = mount(<CustomerCard card={createCard(overrides)} now={NOW} locale="en-US" onAdd={vi.fn(async () => undefined)} onUpdate={vi.fn(async () => undefined)} onDelete={vi.fn(async () => undefined)} />);
  return view.container;
}

/** Elements and attributes a string could smuggle in; the card itself renders none of them. */
function injected(root: Element): string[] {
  const found: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (['SCRIPT', 'IMG', 'IFRAME', 'OBJECT', 'EMBED', 'STYLE', 'LINK', 'META', 'BASE', 'SVG', 'svg', 'MATH', 'math'].includes(el.tagName)) found.push(el.tagName);
    for (const attr of Array.from(el.attributes)) if (/^on/i.test(attr.name) || attr.name === 'srcdoc') found.push(`${el.tagName}[${attr.name}]`);
  }
  return found;
}

describe('I3 hostile strings in name, company, tags, note and history', () => {
  it('renders each verbatim as text: no element injected, no script run, links only http(s) or mailto', () => {
    const values = Object.values(HOSTILE);
    const container = render({
      customer: createCustomer({
        name: HOSTILE.img,
        emails: ['ann@acme.example', HOSTILE.jsUrl, HOSTILE.dataUrl, 'x@y.example?bcc=all@evil.example'],
        phone: HOSTILE.jsUrl,
        tags: [HOSTILE.script, HOSTILE.rtl],
        family: HOSTILE.zeroWidth,
        interests: HOSTILE.loneSurrogate,
      }),
      company: { id: 'co1', name: HOSTILE.script, domains: ['acme.example'], createdAt: NOW, updatedAt: NOW, deletedAt: null },
      orders: [createOrder({ number: HOSTILE.img, status: HOSTILE.nul })],
      interactions: [createInteraction({ summary: HOSTILE.dataUrl })],
      notes: values.map((body, i) => createNote({ id: `n${i}`, body })),
    });
    expect(injected(container)).toEqual([]);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
    const text = container.textContent ?? '';
    for (const value of values) expect(text, JSON.stringify(value)).toContain(value);
    for (const a of Array.from(container.querySelectorAll('a'))) expect(a.getAttribute('href')).toMatch(/^(https?:|mailto:[^?]*$)/);
    // The address that is one is a link; the script and data URLs are text, never an href.
    expect(container.querySelector('a[href="mailto:ann@acme.example"]')).not.toBeNull();
    expect(container.querySelector('a[href^="javascript:"], a[href^="data:"], a[href*="mailto:javascript"]')).toBeNull();
  });

  it('renders a 1 MB note as one text node, whole', () => {
    const body = `${'Line of a very long note. '.repeat(40_000)}${HOSTILE.img}`;
    expect(body.length).toBeGreaterThan(1_000_000);
    const container = render({ notes: [createNote({ body })] });
    expect(injected(container)).toEqual([]);
    expect(container.textContent).toContain(body);
  });
});
