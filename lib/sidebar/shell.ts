import type { SidebarContext } from '../messaging/protocol';

/**
 * The sidebar's first moments. The sidebar page loads a small shell script first: it opens the
 * event port, asks for the tab's context, and as soon as one with a card arrives (the reply, or the
 * push of a page report) paints that card's top and figures; only then does it load the whole
 * sidebar, which takes over the port, the events that came meanwhile and the context, and replaces
 * the preview in the same task. The card thus paints as soon as an almost empty page would, and
 * the rest of the sidebar (notes, history, actions, search) follows a moment later.
 */

/** What the shell hands to the whole sidebar. */
export interface ShellHandoff {
  port: ShellPort;
  /** The newest context the shell saw (reply or push), if any. */
  context: SidebarContext | null;
  /** Takes over the port's events: those that came before are replayed first, in order. */
  listen(listener: (raw: unknown) => void): void;
}

/** The part of a runtime port the shell uses (a `browser.runtime.Port` fits). */
export interface ShellPort {
  onMessage: { addListener(listener: (raw: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface ShellDeps {
  connect(): ShellPort;
  context(): Promise<SidebarContext>;
  /** Paints the preview of a context's card. */
  paint(context: SidebarContext): void;
  /** Loads the whole sidebar (which calls `takeShellHandoff`). */
  loadApp(): void;
  /** Runs `then` once the painted frame is on screen. */
  afterPaint(then: () => void): void;
  /** Loads the sidebar anyway after this long without a card to paint. */
  waitMs?: number;
}

const KEY = Symbol.for('local-crm-sidebar.shell');

export function startShell({ connect, context, paint, loadApp, afterPaint, waitMs = 1000 }: ShellDeps): ShellHandoff {
  const buffered: unknown[] = [];
  let forward: ((raw: unknown) => void) | null = null;
  let loaded = false;
  const port = connect();

  const load = () => {
    if (loaded) return;
    loaded = true;
    loadApp();
  };
  const show = (next: SidebarContext) => {
    if (loaded || forward) return;
    handoff.context = next;
    if (next.card) {
      paint(next);
      afterPaint(load);
    } else if (next.people.length > 0 || next.seq > 0) {
      // Someone who is not a customer, or nobody: the whole sidebar shows those states.
      load();
    }
  };

  const handoff: ShellHandoff = {
    port,
    context: null,
    listen(listener) {
      forward = listener;
      for (const raw of buffered.splice(0)) listener(raw);
    },
  };
  port.onMessage.addListener((raw) => {
    if (forward) return forward(raw);
    buffered.push(raw);
    const pushed = (raw as { type?: unknown; context?: SidebarContext } | null)?.context;
    if ((raw as { type?: unknown } | null)?.type === 'context' && pushed && Array.isArray(pushed.people)) show(pushed);
  });
  context().then(
    // A reply older than a push already shown is dropped (its seq is lower).
    (reply) => (handoff.context && handoff.context.seq > reply.seq ? undefined : show(reply)),
    load,
  );
  setTimeout(load, waitMs);
  (globalThis as Record<symbol, unknown>)[KEY] = handoff;
  return handoff;
}

/** The shell's handoff, once: the whole sidebar takes it over, or starts on its own without one. */
export function takeShellHandoff(): ShellHandoff | null {
  const scope = globalThis as Record<symbol, unknown>;
  const handoff = (scope[KEY] as ShellHandoff | undefined) ?? null;
  delete scope[KEY];
  return handoff;
}
