import { describe, expect, it } from 'vitest';
import { mailtoHref, safeHref } from '../../components/safe-href';

describe('safeHref', () => {
  it.each([
    ['https://acme.example/orders?id=1', 'https://acme.example/orders?id=1'],
    ['http://acme.example', 'http://acme.example/'],
    ['  HTTPS://Acme.example/a  ', 'https://acme.example/a'],
    ['mailto:ann@acme.example', 'mailto:ann@acme.example'],
  ])('accepts %j', (raw, expected) => {
    expect(safeHref(raw)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'tel:+4912345',
    'file:///etc/passwd',
    '/relative/path',
    '//evil.example/x',
    'acme.example',
    '',
  ])('refuses %j', (raw) => {
    expect(safeHref(raw)).toBeNull();
  });
});

describe('mailtoHref', () => {
  it('builds a mailto link for an address', () => {
    expect(mailtoHref('ann@acme.example')).toBe('mailto:ann@acme.example');
  });

  it('encodes characters that would add headers to the mail', () => {
    expect(mailtoHref('ann@acme.example?bcc=spy@evil.example')).toBe('mailto:ann@acme.example%3Fbcc=spy@evil.example');
  });

  it('refuses something that is not an address', () => {
    expect(mailtoHref('javascript:alert(1)')).toBeNull();
    expect(mailtoHref('ann @acme.example')).toBeNull();
  });
});
