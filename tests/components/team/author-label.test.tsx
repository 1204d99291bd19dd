// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { AuthorLabel, formatAgo } from '../../../components/team/author-label';

const NOW = Date.UTC(2026, 5, 1, 12);
const MIN = 60_000;

describe('formatAgo', () => {
  it.each([
    [NOW - 20_000, 'just now'],
    [NOW - 5 * MIN, '5 min ago'],
    [NOW - 2 * 60 * MIN - 5 * MIN, '2 h ago'],
    [NOW - 3 * 24 * 60 * MIN, '3 d ago'],
  ])('says %s as %s', (at, text) => {
    expect(formatAgo(at, NOW)).toBe(text);
  });

  it('gives the date after a week', () => {
    expect(formatAgo(NOW - 30 * 24 * 60 * MIN, NOW, 'en-GB')).toMatch(/2026/);
  });
});

describe('AuthorLabel', () => {
  it('shows the member and the time, as text', () => {
    const root = document.createElement('div');
    render(<AuthorLabel author={{ name: '<img src=x onerror=alert(1)>' }} at={NOW - 2 * 60 * MIN} now={NOW} />, root);
    expect(root.textContent).toBe('<img src=x onerror=alert(1)>, 2 h ago');
    expect(root.querySelector('img')).toBeNull();
  });

  it('shows nothing for a note written outside a team', () => {
    const root = document.createElement('div');
    render(<AuthorLabel author={null} at={NOW} now={NOW} />, root);
    expect(root.textContent).toBe('');
  });
});
