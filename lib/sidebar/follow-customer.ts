import { signal, type Signal } from '@preact/signals';
import { concerns, type PushEvent } from '../messaging/push';

/** Something loaded for the customer the sidebar shows, in its four states. */
export type Followed<R extends { kind: 'ready'; customerId: string }> =
  | { kind: 'none' }
  | { kind: 'loading'; customerId: string }
  | { kind: 'error'; customerId: string; message: string }
  | R;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Loads something for the customer the sidebar shows (insights, reminders), apart from the card
 * so the card never waits for it and a failure here never hides the customer. Follows the
 * selection; replies for a customer no longer shown, or older than a newer request, are dropped.
 */
export function followCustomer<T, R extends { kind: 'ready'; customerId: string }>(
  fetch: (customerId: string) => Promise<T>,
  ready: (customerId: string, data: T) => R,
  /** The count of committed changes the data shows, when it carries one (PushEvent's `seq`). */
  seqOf: (data: T) => number | undefined = () => undefined,
) {
  const state: Signal<Followed<R>> = signal({ kind: 'none' });
  let shown: string | null = null;
  let generation = 0;
  /** The change count of what is shown; a push not past it changes nothing shown. */
  let seen: number | null = null;

  function present(customerId: string, data: T) {
    seen = seqOf(data) ?? null;
    state.value = ready(customerId, data);
  }

  async function load(customerId: string, quiet: boolean): Promise<void> {
    const gen = ++generation;
    const current = state.value;
    if (!quiet || current.kind === 'none' || current.customerId !== customerId) state.value = { kind: 'loading', customerId };
    try {
      const data = await fetch(customerId);
      if (gen === generation) present(customerId, data);
    } catch (error) {
      if (gen === generation) state.value = { kind: 'error', customerId, message: message(error) };
    }
  }

  return {
    state,
    /** The customer followed now, if any. */
    get shown() {
      return shown;
    },
    /** Follows the selected customer; the same one again is not reloaded. */
    show(customerId: string | null) {
      if (customerId === shown) return;
      shown = customerId;
      seen = null;
      if (customerId === null) {
        generation++;
        state.value = { kind: 'none' };
      } else void load(customerId, false);
    },
    /** Reloads the customer shown, keeping what is shown until the answer arrives (and forgetting its change count). */
    reload(): Promise<void> {
      seen = null;
      return shown === null ? Promise.resolve() : load(shown, true);
    },
    /**
     * Reloads after a data push that concerns the customer shown (or everyone), unless what is
     * shown was read after the push's changes (an action's reply got there first).
     */
    changed(event: PushEvent & { type: 'data' }): Promise<void> {
      if (shown === null || !concerns(event, [shown])) return Promise.resolve();
      if (event.seq !== undefined && seen !== null && event.seq <= seen) return Promise.resolve();
      return load(shown, true);
    },
    /** Shows data an action replied with, if that customer is still the one shown. */
    apply(customerId: string, data: T) {
      if (shown !== customerId) return;
      generation++;
      present(customerId, data);
    },
  };
}
