import { useState } from 'preact/hooks';
import { countOf } from '../format';

export interface WelcomeProps {
  onLoadSample: () => Promise<{ customers: number; orders: number }>;
}

type LoadState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'done'; customers: number; orders: number }
  | { kind: 'error'; message: string };

/** The manager's first-run welcome: what the extension does, and sample data to try it with. */
export function Welcome({ onLoadSample }: WelcomeProps) {
  const [load, setLoad] = useState<LoadState>({ kind: 'idle' });

  async function loadSample() {
    setLoad({ kind: 'loading' });
    try {
      const result = await onLoadSample();
      setLoad({ kind: 'done', ...result });
    } catch (error) {
      setLoad({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <main class="welcome">
      <h1>Local CRM Sidebar</h1>
      <p>
        Open an email in Gmail and the sidebar on the right shows who you are writing with: their
        figures, orders, history and your notes. Everything is stored in this browser only.
      </p>
      <section aria-labelledby="sample-title">
        <h2 id="sample-title">Try it with sample customers</h2>
        <p>Loads a small sample business (customers, a year of orders, notes) into an empty database.</p>
        <button type="button" onClick={loadSample} disabled={load.kind === 'loading'}>
          {load.kind === 'loading' ? 'Loading…' : 'Load sample customers'}
        </button>
        <p role="status" aria-live="polite">
          {load.kind === 'done' && `Loaded ${countOf(load.customers, 'customer', 'customers')} and ${countOf(load.orders, 'order', 'orders')}.`}
          {load.kind === 'error' && load.message}
        </p>
      </section>
      <p>
        <a href="/settings.html">Settings</a>: your own addresses, business hours, keep-in-touch cadence and currency.
      </p>
    </main>
  );
}
