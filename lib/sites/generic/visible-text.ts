import { addressesInText } from './emails';
import { INVISIBLE_TAGS, OWN_HOST_TAG } from './selectors';

/**
 * Addresses in a subtree's visible text, read the way a person reads the page: text on either
 * side of an element boundary is two pieces of text, not one word. `textContent` glues
 * `<p><span>tom@becker-baeckerei.de</span></p><p>Will receive…</p>` into
 * `tom@becker-baeckerei.deWill receive…`, an address that is not there; React-rendered admin
 * pages have no whitespace between elements, so this is the usual case there, not an edge.
 *
 * Only the typographic inline elements that are used inside a word (bold, italics, a marked
 * search hit) join their text to what surrounds them. Every other element (blocks, `<br>`, table
 * cells, buttons, links, spans: flex layouts show sibling spans as separate items) ends a run.
 * Scripts, styles, form controls, `hidden` subtrees and the sidebar's own mount are skipped.
 * Pure: no layout reads, never throws.
 */

/** Elements that sit inside running text without breaking it. */
const JOINING_TAGS: ReadonlySet<string> = new Set([
  'B',
  'I',
  'EM',
  'STRONG',
  'MARK',
  'U',
  'S',
  'SMALL',
  'SUB',
  'SUP',
  'WBR',
  'FONT',
  'ABBR',
  'CODE',
  'KBD',
  'SAMP',
  'VAR',
  'BDI',
  'BDO',
  'DFN',
  'CITE',
  'Q',
  'TIME',
  'DATA',
  'INS',
  'DEL',
]);

/** Calls `onRun` with each run of visible text that contains an `@` (the only runs worth a regex). */
export function forEachTextRun(start: Node, onRun: (text: string) => void): void {
  let run = '';
  const flush = () => {
    if (run.includes('@')) onRun(run);
    run = '';
  };
  // An explicit stack: a deep page must not exhaust the call stack of the host's content script.
  const stack: { node: Node; joins: boolean; leaving: boolean }[] = [{ node: start, joins: false, leaving: false }];
  while (stack.length > 0) {
    const item = stack.pop() as { node: Node; joins: boolean; leaving: boolean };
    if (item.leaving) {
      if (!item.joins) flush();
      continue;
    }
    const { node } = item;
    if (node.nodeType === 3) {
      run += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    if (node.nodeType === 1) {
      const tag = node.nodeName.toUpperCase();
      if (INVISIBLE_TAGS.has(tag) || tag === OWN_HOST_TAG || (node as Element).hasAttribute('hidden')) {
        flush();
        continue;
      }
    }
    const joins = node.nodeType === 1 && JOINING_TAGS.has(node.nodeName.toUpperCase());
    if (!joins) flush();
    stack.push({ node, joins, leaving: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push({ node: child, joins: false, leaving: false });
    }
  }
  flush();
}

/** Every address in a subtree's visible text, in page order (duplicates kept). */
export function addressesInVisibleText(start: Node): string[] {
  const found: string[] = [];
  forEachTextRun(start, (text) => found.push(...addressesInText(text)));
  return found;
}
