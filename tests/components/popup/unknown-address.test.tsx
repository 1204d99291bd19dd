// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnknownAddress } from '../../../components/popup/popup';
import { button, click, get, mount, settle, type } from '../helpers';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

describe('UnknownAddress (the popup after "Add as customer" on a mailto link)', () => {
  it('asks for the name, filled with the one offered, and adds the customer under the name typed', async () => {
    const onAdd = vi.fn(async () => undefined);
    view = mount(<UnknownAddress email="jonas@kaffeerad.de" suggestedName="Jonas Weber" onAdd={onAdd} />);
    expect(view.container.textContent).toContain('jonas@kaffeerad.de is not a customer yet.');
    const name = get<HTMLInputElement>(view.container, 'input[aria-label="Name"]');
    expect(name.value).toBe('Jonas Weber');
    type(name, '  Jonas W. Weber ');
    click(button(view.container, 'Add as customer'));
    await settle();
    expect(onAdd).toHaveBeenCalledWith('Jonas W. Weber');
  });

  it('keeps the name and says why when the add is refused', async () => {
    view = mount(<UnknownAddress email="jonas@kaffeerad.de" suggestedName="" onAdd={() => Promise.reject(new Error('jonas@kaffeerad.de already belongs to Jonas.'))} />);
    const name = get<HTMLInputElement>(view.container, 'input[aria-label="Name"]');
    type(name, 'Jonas');
    click(button(view.container, 'Add as customer'));
    await settle();
    expect(get(view.container, '[role="alert"]').textContent).toBe('jonas@kaffeerad.de already belongs to Jonas.');
    expect(name.value).toBe('Jonas');
  });
});
