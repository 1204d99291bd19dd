import { plot, type PlotOptions } from '@observablehq/plot';
import { useEffect, useRef } from 'preact/hooks';

/**
 * One Observable Plot chart (SVG). Every bar or point that opens customers is a real link
 * (Plot's `href` channel wraps it in an SVG `<a>`), so Tab reaches it and Enter follows it; the
 * link is given the name its mark carries. Colours are the theme's custom properties, so the
 * chart follows dark mode and prints in the print palette.
 */
export function PlotFigure({ options, label, data }: { options: () => PlotOptions; label: string; data: unknown }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = holder.current;
    if (!node) return;
    const svg = plot({ ...options(), ariaLabel: label, style: { background: 'transparent', color: 'var(--text)', fontSize: '11px', overflow: 'visible' } });
    for (const link of svg.querySelectorAll('a')) {
      const name = link.firstElementChild?.getAttribute('aria-label');
      if (name) link.setAttribute('aria-label', name);
    }
    node.replaceChildren(svg);
    return () => svg.remove();
    // The options are built from `data`: a new chart only when the figures change.
  }, [data, label]);
  return <div class="chart__plot" ref={holder} />;
}
