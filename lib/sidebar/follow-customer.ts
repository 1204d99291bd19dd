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
) {
  const state: Signal<Followed<R>> = signal({ kind: 'none' });
  let shown: string | null = null;
  let generation = 0;

  async function load(customerId: string, quiet: boolean): Promise<void> {
    const gen = ++generation;
    const current = state.value;
    if (!quiet || current.kind === 'none' || current.customerId !== customerId) state.value = { kind: 'loading', customerId };
    try {
      const data = await fetch(customerId);
      if (gen === generation) state.value = ready(customerId, data);
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
      if (customerId === null) {
        generation++;
        state.value = { kind: 'none' };
      } else void load(customerId, false);
    },
    /** Reloads the customer shown, keeping what is shown until the answer arrives. */
    reload(): Promise<void> {
      return shown === null ? Promise.resolve() : load(shown, true);
    },
    /** Reloads after a data push that concerns the customer shown (or everyone). */
    changed(event: PushEvent & { type: 'data' }): Promise<void> {
      return shown !== null && concerns(event, [shown]) ? load(shown, true) : Promise.resolve();
    },
    /** Shows data an action replied with, if that customer is still the one shown. */
    apply(customerId: string, data: T) {
      if (shown !== customerId) return;
      generation++;
      state.value = ready(customerId, data);
    },
  };
}
