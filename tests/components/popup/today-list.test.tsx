// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TodayList, type TodayListItem } from '../../../components/popup/today-list';
import { mount, settle } from '../helpers';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const item = (n: number, overdue: boolean): TodayListItem => ({ customerId: `c${n}`, name: `Customer ${n}`, title: `Action ${n}`, reason: `Reason ${n}`, overdue });

describe('TodayList', () => {
  it('shows the overdue apart from what is due today, a few first and the rest behind "Show more"', async () => {
    const onOpen = vi.fn();
    const items = [item(1, true), item(2, true), item(3, false), item(4, false), item(5, false)];
    view = mount(<TodayList items={items} onOpen={onOpen} few={3} />);
    const lists = () => Array.from(view?.container.querySelectorAll('ol') ?? []).map((ol) => [ol.getAttribute('aria-label'), ol.querySelectorAll('li').length]);
    expect(lists()).toEqual([
      ['Overdue', 2],
      ['Due today', 1],
    ]);
    const headings = Array.from(view.container.querySelectorAll('h3')).map((h) => h.textContent);
    expect(headings).toEqual(['Overdue · 2', 'Due today · 3']);
    const more = view.container.querySelector('.popup__more') as HTMLButtonElement;
    expect(more.textContent).toBe('Show 2 more');
    more.click();
    await settle();
    expect(lists()).toEqual([
      ['Overdue', 2],
      ['Due today', 3],
    ]);
    (view.container.querySelector('li button') as HTMLButtonElement).click();
    expect(onOpen).toHaveBeenCalledWith(items[0]);
  });

  it('says when nothing needs the owner, and shows no "Show more" for a short list', () => {
    view = mount(<TodayList items={[]} onOpen={() => undefined} />);
    expect(view.container.textContent).toContain('Nothing needs you today.');
    view.unmount();
    view = mount(<TodayList items={[item(1, false)]} onOpen={() => undefined} />);
    expect(view.container.querySelector('.popup__more')).toBeNull();
  });
});
