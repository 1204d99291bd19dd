// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ConcentrationNote } from '../../../components/popup/concentration-note';
import type { ConcentrationView } from '../../../lib/messaging/protocol';
import { mount } from '../helpers';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const risk = (over: Partial<ConcentrationView> = {}): ConcentrationView => ({
  computedAt: 0,
  currency: 'EUR',
  totalMinor: 1_000_000,
  top1Share: 0.4,
  top5Share: 0.7,
  top1Flagged: true,
  top5Flagged: true,
  top: [{ customerId: 'c1', name: 'Maria Jensen' }],
  ...over,
});

describe('ConcentrationNote', () => {
  it('names the biggest customer and their share when one customer carries too much', () => {
    view = mount(<ConcentrationNote concentration={risk()} locale="en-US" />);
    expect(view.container.textContent).toContain('Maria Jensen alone brings 40 %');
    expect(view.container.textContent).toContain('€10,000.00');
  });

  it('speaks of the top five when only they are flagged', () => {
    view = mount(<ConcentrationNote concentration={risk({ top1Flagged: false, top1Share: 0.2, top5Share: 0.62, top: Array.from({ length: 5 }, (_, i) => ({ customerId: `c${i}`, name: `N${i}` })) })} locale="en-US" />);
    expect(view.container.textContent).toContain('Your top 5 customers bring 62 %');
  });

  it('shows nothing when nothing is flagged or nothing is known', () => {
    view = mount(<ConcentrationNote concentration={risk({ top1Flagged: false, top5Flagged: false })} />);
    expect(view.container.textContent).toBe('');
    view.rerender(<ConcentrationNote concentration={null} />);
    expect(view.container.textContent).toBe('');
  });

  it('keeps a hostile name as text', () => {
    view = mount(<ConcentrationNote concentration={risk({ top: [{ customerId: 'c1', name: '<img src=x onerror=alert(1)>' }] })} />);
    expect(view.container.querySelector('img')).toBeNull();
    expect(view.container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
