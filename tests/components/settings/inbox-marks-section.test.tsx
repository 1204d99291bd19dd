// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { InboxMarksSection } from '../../../components/settings/inbox-marks-section';
import { button, click, get, mount, settle } from '../helpers';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

describe('InboxMarksSection', () => {
  it('shows the switch off and says the marks are visible to Gmail', () => {
    view = mount(<InboxMarksSection value={false} onSave={vi.fn(async () => undefined)} />);
    expect(get<HTMLInputElement>(view.container, 'input[type=checkbox]').checked).toBe(false);
    expect(view.container.textContent).toMatch(/part of Gmail’s own page, so Gmail’s scripts can see/);
  });

  it('saves the switch turned on', async () => {
    const onSave = vi.fn(async () => undefined);
    view = mount(<InboxMarksSection value={false} onSave={onSave} />);
    const box = get<HTMLInputElement>(view.container, 'input[type=checkbox]');
    act(() => {
      box.checked = true;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    });
    click(button(view.container, 'Save'));
    await settle();
    expect(onSave).toHaveBeenCalledWith(true);
    expect(view.container.textContent).toContain('Saved.');
  });
});
