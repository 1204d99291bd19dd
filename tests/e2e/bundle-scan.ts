import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * S6 and S7 on a built extension (.output/<target>): the manifest fields that decide what the
 * extension may do and who may reach it, and a scan of every shipped script and page for code
 * evaluation and markup injection. Each hit must match an entry of the reviewed list below.
 */

/** What a scan looks for: the sinks that turn text into code or markup. */
export const SINKS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'eval', pattern: /(?<![\w$.])eval\s*\(/g },
  { name: 'new Function', pattern: /\bnew\s+Function\s*\(/g },
  { name: 'Function()', pattern: /(?<![\w$.])(?<!new\s+)Function\s*\(/g },
  { name: 'innerHTML', pattern: /\binnerHTML\b/g },
  { name: 'outerHTML', pattern: /\bouterHTML\b/g },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/g },
  { name: 'dangerouslySetInnerHTML', pattern: /\bdangerouslySetInnerHTML\b/g },
  { name: 'document.write', pattern: /\bdocument\.write(ln)?\s*\(/g },
  { name: 'srcdoc', pattern: /\bsrcdoc\b/g },
  { name: 'createContextualFragment', pattern: /\bcreateContextualFragment\b/g },
  { name: 'string timer', pattern: /\bset(Timeout|Interval)\s*\(\s*['"`]/g },
];

/**
 * The reviewed hits. Each names the sink, the code around the hit that identifies it (up to 200
 * characters either side) and why it is safe. Our own sources never use these sinks (eslint:
 * no-eval, no-restricted-properties); what remains comes from the libraries we bundle.
 */
export const REVIEWED: ReadonlyArray<{ sink: string; around: RegExp; why: string }> = [
  {
    sink: 'Function()',
    around: /\.jitless\|\|[^]*try\{return Function\(``\),!0\}catch\{return!1\}/,
    why: 'zod asks whether eval is allowed before compiling parsers; lib/model/records.ts sets z.config({ jitless: true }), so the probe never runs, and the extension CSP forbids eval anyway.',
  },
  {
    sink: 'innerHTML',
    around: /__html|\.innerHTML=``/,
    why: 'Preact’s renderer applies the dangerouslySetInnerHTML prop (and clears it); no component of ours passes that prop (eslint forbids innerHTML in our code).',
  },
  {
    sink: 'innerHTML',
    around: /this\.innerHTML=t\?\?``[^]*this\.node\(\)\.innerHTML/,
    why: 'd3-selection’s selection.html(), a method of the Selection prototype that Observable Plot brings into the manager page for the dashboard’s charts; neither Plot nor our code calls .html() (Plot writes text with textContent), so no markup is ever written through it.',
  },
  {
    sink: 'dangerouslySetInnerHTML',
    around: /==`dangerouslySetInnerHTML`/,
    why: 'Preact’s renderer recognising the prop by name (see innerHTML).',
  },
];

export interface Hit {
  file: string;
  sink: string;
  around: string;
}

function shipped(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...shipped(path));
    else if (/\.(m?js|html)$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Every sink hit in the built extension at `dir`, with the code around it. */
export function scanBundle(dir: string): { files: string[]; hits: Hit[] } {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No built extension in ${dir}: build it first.`);
  const files = shipped(dir);
  const hits: Hit[] = [];
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    for (const { name, pattern } of SINKS) {
      for (const match of text.matchAll(pattern)) {
        const at = match.index;
        hits.push({ file: relative(dir, path), sink: name, around: text.slice(Math.max(0, at - 200), at + match[0].length + 200) });
      }
    }
  }
  return { files, hits };
}

/** The hits no reviewed entry explains. */
export function unreviewed(hits: Hit[]): Hit[] {
  return hits.filter((hit) => !REVIEWED.some((entry) => entry.sink === hit.sink && entry.around.test(hit.around)));
}

/** The manifest fields that decide permissions, reach and script policy, as a snapshot compares them. */
export function securityFields(dir: string): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const keys = [
    'manifest_version',
    'permissions',
    'optional_permissions',
    'host_permissions',
    'optional_host_permissions',
    'content_scripts',
    'web_accessible_resources',
    'content_security_policy',
    'externally_connectable',
    'background',
    'browser_specific_settings',
    'sandbox',
  ];
  return Object.fromEntries(keys.filter((key) => manifest[key] !== undefined).map((key) => [key, manifest[key]]));
}

/** The script sources a manifest's CSP allows beyond the extension itself, and whether it allows eval. */
export function cspProblems(fields: Record<string, unknown>): string[] {
  const csp = fields.content_security_policy;
  const policies = csp === undefined ? [] : typeof csp === 'string' ? [csp] : Object.values(csp as Record<string, string>);
  const problems: string[] = [];
  for (const policy of policies) {
    if (/'unsafe-eval'/.test(policy)) problems.push(`unsafe-eval in "${policy}"`);
    if (/'unsafe-inline'/.test(policy)) problems.push(`unsafe-inline in "${policy}"`);
    for (const directive of policy.split(';')) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (name !== 'script-src' && name !== 'default-src' && name !== 'worker-src') continue;
      for (const source of sources) if (/^(https?:|\*|data:|blob:)/.test(source) || source.includes('.')) problems.push(`${name} allows ${source}`);
    }
  }
  return problems;
}
