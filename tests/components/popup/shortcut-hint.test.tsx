// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShortcutHint } from '../../../components/popup/shortcut-hint';
import { mount } from '../helpers';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

describe('ShortcutHint', () => {
  it('shows the assigned key, which opens the shortcut page to change it', () => {
    const onSet = vi.fn();
    view = mount(<ShortcutHint shortcut="Alt+Shift+K" onSet={onSet} />);
    const button = view.container.querySelector('button') as HTMLButtonElement;
    expect(button.textContent).toBe('Alt+Shift+K');
    expect(button.getAttribute('aria-label')).toBe('Keyboard shortcut Alt+Shift+K: change it');
    button.click();
    expect(onSet).toHaveBeenCalledOnce();
  });

  it('offers to set one when the browser assigned none', () => {
    const onSet = vi.fn();
    view = mount(<ShortcutHint shortcut={null} onSet={onSet} />);
    const button = view.container.querySelector('button') as HTMLButtonElement;
    expect(button.textContent).toBe('Set a shortcut');
    button.click();
    expect(onSet).toHaveBeenCalledOnce();
  });

  it('shows nothing while the shortcut is being read', () => {
    view = mount(<ShortcutHint shortcut={undefined} onSet={() => undefined} />);
    expect(view.container.textContent).toBe('');
  });
});
