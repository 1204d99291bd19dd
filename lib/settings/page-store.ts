import { signal, type Signal } from '@preact/signals';
import type { Loadable } from '../loadable';
import type { Settings } from './schema';

export interface SettingsApi {
  get(): Promise<Settings>;
  save(next: Settings): Promise<Settings>;
}

/** The settings page's state: what is stored, replaced by the background's answer on save. */
export function createSettingsStore(api: SettingsApi) {
  const state: Signal<Loadable<Settings>> = signal({ kind: 'loading' });
  return {
    state,
    async load() {
      try {
        state.value = { kind: 'ready', value: await api.get() };
      } catch (error) {
        state.value = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
      }
    },
    async save(next: Settings) {
      state.value = { kind: 'ready', value: await api.save(next) };
    },
  };
}
