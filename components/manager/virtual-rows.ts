import { useEffect, useRef, useState } from 'preact/hooks';

/** Every manager list row is this tall, so a row's place follows from its index alone. */
export const ROW_HEIGHT = 44;
const OVERSCAN = 10;

/**
 * The window of a virtualized list: which of `total` rows are in view (plus a few either side)
 * in a scrolling viewport, reported through `onRange` so the store fetches only those. The
 * list places each row at `index * ROW_HEIGHT` inside a spacer `total * ROW_HEIGHT` tall, so
 * the scrollbar stands for every row while only a screenful is in the DOM.
 */
export function useVirtualRows(total: number, onRange: (from: number, to: number) => void) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight || 600));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  useEffect(() => onRange(first, last), [first, last, total]);

  return { viewport, first, last, onScroll: (e: Event) => setScrollTop((e.currentTarget as HTMLElement).scrollTop) };
}
