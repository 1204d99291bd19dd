import type { PushEvent } from '../messaging/protocol';

/** The minimal port surface the hub needs (a `runtime.Port` fits). */
export interface EventPort {
  postMessage(message: PushEvent): void;
}

/**
 * Open sidebars, popups and manager pages, each with the tab it lives in (null for a page in
 * its own tab such as the manager). Writes are pushed to all; page changes only to that tab.
 */
export class PortHub {
  private readonly ports = new Map<EventPort, number | null>();

  add(port: EventPort, tabId: number | null): void {
    this.ports.set(port, tabId);
  }

  remove(port: EventPort): void {
    this.ports.delete(port);
  }

  toTab(tabId: number, event: PushEvent): void {
    for (const [port, portTab] of this.ports) if (portTab === tabId) safePost(port, event);
  }

  toAll(event: PushEvent): void {
    for (const port of this.ports.keys()) safePost(port, event);
  }

  get size(): number {
    return this.ports.size;
  }
}

function safePost(port: EventPort, event: PushEvent) {
  try {
    port.postMessage(event);
  } catch {
    // A port whose page has gone throws until its disconnect event removes it.
  }
}
