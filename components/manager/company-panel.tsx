import { useEffect, useState } from 'preact/hooks';
import type { CompanyDetail } from '../../lib/messaging/protocol';
import { countOf, formatDate, formatMoney } from '../format';
import { PanelNotice } from './panel-notice';

export type CompanyState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'company'; detail: CompanyDetail };

export interface CompanyPatch {
  name: string;
  domains: string[];
}

export interface CompanyPanelProps {
  state: CompanyState;
  /** Rejects with the reason (a free-mail or taken domain); the typed values stay. */
  onSave(patch: CompanyPatch): Promise<unknown>;
  onOpenContact(customerId: string): void;
  onClose(): void;
}

type Saving = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/**
 * A company: its name and domains (editable) and its contacts with their figures. Domains are
 * sent as typed; the background normalizes them to registrable domains and refuses free-mail
 * ones, and its reason is shown here.
 */
export function CompanyPanel({ state, onSave, onOpenContact, onClose }: CompanyPanelProps) {
  const companyId = state.kind === 'company' ? state.detail.company.id : null;
  const [name, setName] = useState('');
  const [domains, setDomains] = useState('');
  const [saving, setSaving] = useState<Saving>({ kind: 'idle' });

  useEffect(() => {
    if (state.kind !== 'company') return;
    setName(state.detail.company.name);
    setDomains(state.detail.company.domains.join('\n'));
    setSaving({ kind: 'idle' });
  }, [companyId]);

  // A save that the background normalized (Shop.Acme.co.uk → acme.co.uk) shows what was kept.
  useEffect(() => {
    if (state.kind === 'company' && saving.kind === 'saved') setDomains(state.detail.company.domains.join('\n'));
  }, [state.kind === 'company' ? state.detail.company.updatedAt : null]);

  if (state.kind === 'loading' || state.kind === 'error') return <PanelNotice state={state} loading="Loading company…" onClose={onClose} />;
  const { company, contacts } = state.detail;

  async function save(event: Event) {
    event.preventDefault();
    setSaving({ kind: 'saving' });
    try {
      await onSave({ name: name.trim(), domains: [...new Set(domains.split(/[\s,;]+/).filter(Boolean))] });
      setSaving({ kind: 'saved' });
    } catch (error) {
      setSaving({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <aside class="detail" aria-label={`Company ${company.name}`}>
      <header class="detail__head">
        <h2>{company.name}</h2>
        <button type="button" class="secondary" onClick={onClose} aria-label="Close company">×</button>
      </header>
      <p class="detail__figures">
        {countOf(contacts.length, 'contact', 'contacts')}
        {company.domains.length > 0 && ` · ${company.domains.join(', ')}`}
      </p>
      <form class="detail__form" onSubmit={save}>
        <label>Company name<input value={name} required onInput={(e) => setName(e.currentTarget.value)} /></label>
        <label>
          Domains (one per line)
          <textarea rows={3} value={domains} onInput={(e) => setDomains(e.currentTarget.value)} />
        </label>
        <p class="hint">Addresses at these domains are shown as this company. Free-mail domains (gmail.com, …) cannot be used.</p>
        {saving.kind === 'error' && <p class="banner banner--error" role="alert">Not saved: {saving.message} Your changes are still here.</p>}
        {saving.kind === 'saved' && <p role="status">Saved.</p>}
        <div class="actions">
          <button type="submit" disabled={saving.kind === 'saving' || name.trim() === ''}>{saving.kind === 'saving' ? 'Saving…' : 'Save'}</button>
        </div>
      </form>
      <h3>Contacts</h3>
      {contacts.length === 0 ? (
        <p class="empty">No contacts.</p>
      ) : (
        <table class="company__contacts" aria-label="Contacts">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Orders</th>
              <th scope="col">Revenue</th>
              <th scope="col">Last order</th>
            </tr>
          </thead>
          <tbody>
            {contacts.map((c) => (
              <tr key={c.id}>
                <td>
                  <button type="button" class="link" onClick={() => onOpenContact(c.id)}>{c.name || c.email || 'Unnamed'}</button>
                  {c.email !== null && c.name !== '' && <span class="hint"> {c.email}</span>}
                </td>
                <td class="list__cell--num">{c.orderCount}</td>
                <td class="list__cell--num">{c.revenue === null ? '–' : formatMoney(c.revenue.minor, c.revenue.currency)}</td>
                <td>{c.lastOrderAt === null ? '–' : formatDate(c.lastOrderAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}
