import { SELECTOR } from './selectors';

/** WCAG relative luminance (0 black … 1 white) of a computed `rgb()` / `rgba()` colour; null for anything else. */
export function relativeLuminance(color: string): number | null {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(color.trim());
  if (!match) return null;
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => {
    const v = Number(part) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Whether Gmail shows a dark theme. Its themes paint backgrounds with images and gradients, so the
 * background colour cannot tell; the text colour can: Gmail writes light text on a dark theme
 * (#e3e3e3) and dark text otherwise (#1f1f1f). Read from the main region, or the body before a
 * thread or list is there.
 */
export function gmailIsDark(doc: Document): boolean {
  const probe = doc.querySelector(SELECTOR.main) ?? doc.body;
  const view = doc.defaultView;
  if (!probe || !view) return false;
  const luminance = relativeLuminance(view.getComputedStyle(probe).color);
  return luminance !== null && luminance > 0.5;
}
