import { describe, expect, it, vi } from 'vitest';
import { PortHub } from '../../../lib/background/ports';

describe('PortHub', () => {
  it('tells its listener of every event pushed to all pages, not of those for one tab', () => {
    const heard = vi.fn();
    const hub = new PortHub(heard);
    const port = { postMessage: vi.fn() };
    hub.add(port, 3);
    hub.toTab(3, { type: 'context', seq: 1 });
    hub.toAll({ type: 'data', customerIds: ['c1'] });
    expect(heard.mock.calls).toEqual([[{ type: 'data', customerIds: ['c1'] }]]);
    expect(port.postMessage).toHaveBeenCalledTimes(2);
  });
});
