import { useState } from 'preact/hooks';
import { countOf } from '../../lib/format';

export interface WelcomeProps {
  /** Goes to the manager's Import section. */
  onImport(): void;
  /** Adds a customer and opens them; rejects with the reason (the form keeps what was typed). */
  onAddCustomer(input: { name: string; email: string }): Promise<void>;
  onLoadSample(): Promise<{ customers: number; orders: number }>;
}

type LoadState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'done'; customers: number; orders: number }
  | { kind: 'error'; message: string };

const text = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The manager's first run, in place of an empty customer list: what the extension does, and the
 * three ways to begin (import the customers you have, add one by hand, or try the sample).
 */
export function Welcome({ onImport, onAddCustomer, onLoadSample }: WelcomeProps) {
  const [load, setLoad] = useState<LoadState>({ kind: 'idle' });
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function loadSample() {
    setLoad({ kind: 'loading' });
    try {
      const result = await onLoadSample();
      setLoad({ kind: 'done', ...result });
    } catch (error) {
      setLoad({ kind: 'error', message: text(error) });
    }
  }

  async function add(event: Event) {
    event.preventDefault();
    if (email.trim() === '') {
      setAddError('An email address is required.');
      return;
    }
    setSaving(true);
    setAddError(null);
    try {
      await onAddCustomer({ name: name.trim(), email: email.trim() });
    } catch (error) {
      setAddError(text(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section class="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Welcome to Local CRM Sidebar</h2>
      <p>
        Open an email in Gmail and the sidebar on the right shows who you are writing with: their
        figures, orders, history and your notes. Everything is stored in this browser only.
      </p>
      <div class="welcome__choices">
        <section aria-labelledby="import-choice">
          <h3 id="import-choice">Import your customers</h3>
          <p>From Shopify, WooCommerce, Google Contacts, a vCard file or any CSV, with their orders.</p>
          <button type="button" onClick={onImport}>
            Import customers
          </button>
        </section>
        <section aria-labelledby="add-choice">
          <h3 id="add-choice">Add a customer</h3>
          <p>Start with one person; the sidebar adds more as you write to them.</p>
          {adding ? (
            <form onSubmit={(event) => void add(event)}>
              <label>
                Name <input value={name} maxLength={200} autoFocus onInput={(e) => setName(e.currentTarget.value)} />
              </label>
              <label>
                Email address <input type="email" value={email} maxLength={320} onInput={(e) => setEmail(e.currentTarget.value)} />
              </label>
              <div class="actions">
                <button type="submit" disabled={saving}>
                  {saving ? 'Adding…' : 'Add customer'}
                </button>
                <button type="button" class="secondary" onClick={() => setAdding(false)}>
                  Cancel
                </button>
              </div>
              {addError !== null && (
                <p class="banner banner--error" role="alert">
                  {addError}
                </p>
              )}
            </form>
          ) : (
            <button type="button" onClick={() => setAdding(true)}>
              Add a customer
            </button>
          )}
        </section>
        <section aria-labelledby="sample-title">
          <h3 id="sample-title">Try it with sample customers</h3>
          <p>Loads a small sample business (customers, a year of orders, notes) into the empty book.</p>
          <button type="button" class="secondary" onClick={loadSample} disabled={load.kind === 'loading'}>
            {load.kind === 'loading' ? 'Loading…' : 'Load sample customers'}
          </button>
          <p role="status" aria-live="polite">
            {load.kind === 'done' && `Loaded ${countOf(load.customers, 'customer', 'customers')} and ${countOf(load.orders, 'order', 'orders')}.`}
            {load.kind === 'error' && load.message}
          </p>
        </section>
      </div>
      <p>
        <a href="/settings.html">Settings</a>: your own addresses, business hours, keep-in-touch cadence and currency.
      </p>
    </section>
  );
}
