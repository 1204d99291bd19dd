import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * axe-core in a real browser page, for Chromium (playwright-core) and Firefox (puppeteer-core)
 * alike: both evaluate a string of script in a page or frame, which is all this needs. Evaluation
 * through the driver is not subject to the extension pages' content security policy.
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Evaluates a script expression in a page or frame and returns its (awaited) value. */
export type Evaluate = (expression: string) => Promise<unknown>;

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** Puts axe-core in the document once (a reload or navigation needs it again). */
export async function injectAxe(evaluate: Evaluate): Promise<void> {
  const present = await evaluate(`typeof window.axe === 'object'`);
  if (!present) await evaluate(`${AXE_SOURCE}\n;void 0`);
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA and best practices) on the document and returns the
 * violations of serious or critical impact, each with its failing nodes.
 */
export async function seriousViolations(evaluate: Evaluate): Promise<AxeViolation[]> {
  await injectAxe(evaluate);
  const found = await evaluate(`(async () => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary || '' })),
      }));
  })()`);
  return found as AxeViolation[];
}

/** A readable list of violations for a failing assertion. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target}\n    ${n.summary.replace(/\n/g, '\n    ')}`).join('\n')}`)
    .join('\n');
}

/**
 * Marks the element with this ARIA role and accessible name (exact, or matching a pattern) with
 * `data-found="<token>"` (the first in document order, inside `within` when given), computing role and name as assistive technology does (axe-core's
 * commons), and returns the CSS selector that reaches it, or null when there is none.
 */
export async function markByRole(evaluate: Evaluate, role: string, name: string | RegExp, within = ':root'): Promise<string | null> {
  await injectAxe(evaluate);
  const token = Math.random().toString(36).slice(2);
  const pattern = typeof name === 'string' ? null : { source: name.source, flags: name.flags };
  const found = await evaluate(`(() => {
    const role = ${JSON.stringify(role)};
    const exact = ${JSON.stringify(typeof name === 'string' ? name : null)};
    const pattern = ${JSON.stringify(pattern)};
    const matches = (text) => (pattern ? new RegExp(pattern.source, pattern.flags).test(text) : text === exact);
    window.axe.setup(document);
    try {
      for (const el of document.querySelectorAll(${JSON.stringify(`${within}, ${within} *`)})) {
        if (window.axe.commons.aria.getRole(el) !== role) continue;
        if (!matches(window.axe.commons.text.accessibleText(el).trim())) continue;
        el.setAttribute('data-found', ${JSON.stringify(token)});
        return true;
      }
      return false;
    } finally {
      window.axe.teardown();
    }
  })()`);
  return found ? `[data-found="${token}"]` : null;
}
