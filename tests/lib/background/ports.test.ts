import { describe, expect, it, vi } from 'vitest';
import { PortHub } from '../../../lib/background/ports';

describe('PortHub', () => {
  it('sends a tab’s events to that tab’s pages only, and data events to every page', () => {
    const hub = new PortHub();
    const inTab3 = { postMessage: vi.fn() };
    const manager = { postMessage: vi.fn() };
    hub.add(inTab3, 3);
    hub.add(manager, null);
    hub.toTab(3, { type: 'context', seq: 1 });
    hub.toAll({ type: 'data', customerIds: ['c1'], all: false });
    expect(inTab3.postMessage.mock.calls).toEqual([[{ type: 'context', seq: 1 }], [{ type: 'data', customerIds: ['c1'], all: false }]]);
    expect(manager.postMessage.mock.calls).toEqual([[{ type: 'data', customerIds: ['c1'], all: false }]]);
  });

  it('keeps sending to the others when a gone page throws', () => {
    const hub = new PortHub();
    const gone = { postMessage: vi.fn(() => { throw new Error('disconnected'); }) };
    const open = { postMessage: vi.fn() };
    hub.add(gone, 1);
    hub.add(open, 2);
    hub.toAll({ type: 'data', customerIds: [], all: true });
    expect(open.postMessage).toHaveBeenCalledTimes(1);
  });
});
