import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATE_STYLE, formatDate, formatDateTime, TIME_STYLE } from '../../lib/format';

/**
 * One date style on every screen: every date a person reads is written by lib/format.ts
 * (formatDate, or formatDateTime where the time matters), through Intl in the user's locale.
 * This fails when code anywhere else builds a date format of its own.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCES = ['lib', 'components', 'entrypoints'];
const FORMAT_MODULE = 'lib/format.ts';

/**
 * Date formats built for something other than showing a date, each with its reason. A file
 * named here may use Intl.DateTimeFormat only as its reason says.
 */
const NOT_SHOWN: Record<string, string> = {
  // Reads the wall-clock parts (year, month, day, hour) of a time in the business's zone.
  'lib/insights/business-hours.ts': 'formatToParts for wall-clock arithmetic',
  // Asks Intl whether a time zone name exists.
  'lib/settings/schema.ts': 'time-zone validation',
};

/** What writes a date in a style of its own. */
const SECOND_STYLES: { what: string; pattern: RegExp }[] = [
  { what: 'toLocaleDateString / toLocaleTimeString', pattern: /\.toLocale(Date|Time)String\(/ },
  { what: 'toDateString / toUTCString / toGMTString', pattern: /\.to(Date|UTC|GMT)String\(/ },
  { what: 'a Date’s toLocaleString', pattern: /Date\([^)]*\)\.toLocaleString\(/ },
  { what: 'toLocaleString with options', pattern: /\.toLocaleString\(\s*[^)\s]/ },
  { what: 'an Intl.DateTimeFormat of its own', pattern: /Intl\.DateTimeFormat\(/ },
  { what: 'an Intl.RelativeTimeFormat of its own', pattern: /Intl\.RelativeTimeFormat\(/ },
  { what: 'a dateStyle or timeStyle of its own', pattern: /\b(dateStyle|timeStyle)\s*:/ },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Every place outside lib/format.ts that writes a date in a style of its own. */
function secondStyles(files: { path: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { path, text } of files) {
    if (path === FORMAT_MODULE) continue;
    text.split('\n').forEach((line, i) => {
      if (/^\s*(\/\/|\*)/.test(line)) return;
      for (const { what, pattern } of SECOND_STYLES) {
        if (!pattern.test(line)) continue;
        if (what === 'an Intl.DateTimeFormat of its own' && path in NOT_SHOWN) continue;
        found.push(`${path}:${i + 1}: ${what}: ${line.trim()}`);
        break;
      }
    });
  }
  return found;
}

describe('one date style', () => {
  it('has no date format anywhere but lib/format.ts', () => {
    const files = SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir))).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
    expect(files.length).toBeGreaterThan(100);
    expect(secondStyles(files)).toEqual([]);
  });

  it('finds a second style where one is written', () => {
    const cases = [
      'const when = new Date(at).toLocaleDateString();',
      'const when = new Date(at).toLocaleString();',
      'const when = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric" }).format(at);',
      'const when = at.toLocaleString(undefined, { dateStyle: "short" });',
      'const when = new Date(at).toUTCString();',
      'const ago = new Intl.RelativeTimeFormat(locale).format(-2, "day");',
    ];
    for (const text of cases) expect(secondStyles([{ path: 'components/x.tsx', text }]), text).toHaveLength(1);
    // A count is not a date; a comment names no style.
    expect(secondStyles([{ path: 'components/x.tsx', text: 'const n = count.toLocaleString();\n// toLocaleDateString( is not used' }])).toEqual([]);
  });

  it('writes dates in the locale’s medium style, the time in the same style', () => {
    const at = new Date(2026, 11, 6, 9, 5).getTime();
    expect(DATE_STYLE).toBe('medium');
    expect(TIME_STYLE).toBe('short');
    expect(formatDate(at, 'en-US')).toBe('Dec 6, 2026');
    expect(formatDate(at, 'de-DE')).toBe('06.12.2026');
    expect(formatDate(at, 'en-GB')).toBe('6 Dec 2026');
    expect(formatDateTime(at, 'en-US')).toMatch(/^Dec 6, 2026,? 9:05\s?AM$/);
    expect(formatDateTime(at, 'de-DE')).toBe('06.12.2026, 09:05');
  });
});
