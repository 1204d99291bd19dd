import { useEffect, useState } from 'preact/hooks';
import { CHANNELS, TIERS, type Channel, type Tier } from '../../lib/model/records';
import type { CustomerCard, CustomerPatch } from '../../lib/messaging/protocol';
import { countOf, formatDate, formatMoney } from '../format';
import { PanelNotice } from './panel-notice';
import { ConsentEditor, ConsentFlag } from '../consent/consent-editor';

export type DetailState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'card'; card: CustomerCard };

export interface CustomerDetailProps {
  state: DetailState;
  onSave(patch: CustomerPatch): Promise<unknown>;
  onDelete(): void;
  onClose(): void;
  /** Opens the customer's company (its domains and contacts). */
  onOpenCompany?(companyId: string): void;
}

interface Draft {
  name: string;
  emails: string;
  phone: string;
  companyName: string;
  tags: string;
  birthday: string;
  preferredChannel: string;
  difficult: boolean;
  family: string;
  interests: string;
  tierOverride: string;
}

function draftOf(card: CustomerCard): Draft {
  const c = card.customer;
  return {
    name: c.name,
    emails: c.emails.join('\n'),
    phone: c.phone ?? '',
    companyName: card.company?.name ?? '',
    tags: c.tags.join(', '),
    birthday: c.birthday ?? '',
    preferredChannel: c.preferredChannel ?? '',
    difficult: c.difficult,
    family: c.family,
    interests: c.interests,
    tierOverride: c.tierOverride ?? '',
  };
}

const CHANNEL_LABELS: Record<Channel, string> = { email: 'Email', phone: 'Phone', sms: 'SMS', whatsapp: 'WhatsApp', in_person: 'In person' };

/** Every field of a customer, editable. On a failed save the typed values stay, with the reason. */
export function CustomerDetail({ state, onSave, onDelete, onClose, onOpenCompany }: CustomerDetailProps) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState<{ kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const customerId = state.kind === 'card' ? state.card.customer.id : null;

  useEffect(() => {
    if (state.kind === 'card') setDraft(draftOf(state.card));
    setSaving({ kind: 'idle' });
  }, [customerId]);

  if (state.kind === 'loading' || state.kind === 'error') return <PanelNotice state={state} loading="Loading customer…" onClose={onClose} />;
  if (draft === null) return null;
  const { card } = state;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  async function save(event: Event) {
    event.preventDefault();
    if (draft === null) return;
    setSaving({ kind: 'saving' });
    try {
      await onSave({
        name: draft.name,
        emails: draft.emails.split(/[\s,;]+/).filter(Boolean),
        phone: draft.phone.trim() || null,
        companyName: draft.companyName.trim() || null,
        tags: [...new Set(draft.tags.split(',').map((t) => t.trim()).filter(Boolean))],
        birthday: draft.birthday.trim() || null,
        preferredChannel: (draft.preferredChannel || null) as Channel | null,
        difficult: draft.difficult,
        family: draft.family,
        interests: draft.interests,
        tierOverride: (draft.tierOverride || null) as Tier | null,
      });
      setSaving({ kind: 'saved' });
    } catch (error) {
      setSaving({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  const stats = card.customer.stats;
  const revenue = stats.revenue.find((m) => m.currency === stats.currency);
  return (
    <aside class="detail" aria-label={`Customer ${card.customer.name}`}>
      <header class="detail__head">
        <h2>{card.customer.name || card.customer.emails[0] || 'Unnamed customer'}</h2>
        <button type="button" class="secondary" onClick={onClose} aria-label="Close customer">×</button>
      </header>
      <p class="detail__figures">
        {countOf(stats.orderCount, 'order', 'orders')} · {revenue ? formatMoney(revenue.minor, revenue.currency) : 'no revenue'}
        {stats.lastOrderAt !== null && ` · last order ${formatDate(stats.lastOrderAt)}`}
        {card.customer.insights && ` · tier ${card.customer.insights.tier}, ${card.customer.insights.stage.replace('_', ' ')}`}
      </p>
      <ConsentFlag consent={card.customer.consent} />
      <form class="detail__form" onSubmit={save}>
        <label>Name<input value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} /></label>
        <label>Emails (one per line)<textarea rows={2} value={draft.emails} onInput={(e) => set({ emails: e.currentTarget.value })} /></label>
        <label>Phone<input value={draft.phone} onInput={(e) => set({ phone: e.currentTarget.value })} /></label>
        <label>Company<input value={draft.companyName} onInput={(e) => set({ companyName: e.currentTarget.value })} /></label>
        {card.company && (
          <p class="hint">
            {card.company.domains.length > 0 && `Company domains: ${card.company.domains.join(', ')}. `}
            {onOpenCompany && (
              <button type="button" class="link" onClick={() => card.company && onOpenCompany(card.company.id)}>
                Open {card.company.name}
              </button>
            )}
          </p>
        )}
        <label>Tags (comma-separated)<input value={draft.tags} onInput={(e) => set({ tags: e.currentTarget.value })} /></label>
        <label>Birthday (YYYY-MM-DD or MM-DD)<input value={draft.birthday} onInput={(e) => set({ birthday: e.currentTarget.value })} /></label>
        <label>Family<textarea rows={2} value={draft.family} onInput={(e) => set({ family: e.currentTarget.value })} /></label>
        <label>Interests<textarea rows={2} value={draft.interests} onInput={(e) => set({ interests: e.currentTarget.value })} /></label>
        <label>
          Preferred channel
          <select value={draft.preferredChannel} onChange={(e) => set({ preferredChannel: e.currentTarget.value })}>
            <option value="">No preference</option>
            {CHANNELS.map((c) => (
              <option value={c} key={c}>{CHANNEL_LABELS[c]}</option>
            ))}
          </select>
        </label>
        <label>
          Tier set by hand
          <select value={draft.tierOverride} onChange={(e) => set({ tierOverride: e.currentTarget.value })}>
            <option value="">Automatic</option>
            {TIERS.map((t) => (
              <option value={t} key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label class="check">
          <input type="checkbox" checked={draft.difficult} onChange={(e) => set({ difficult: e.currentTarget.checked })} /> Difficult customer
        </label>
        {saving.kind === 'error' && <p class="banner banner--error" role="alert">Not saved: {saving.message} Your changes are still here.</p>}
        {saving.kind === 'saved' && <p role="status">Saved.</p>}
        <div class="actions">
          <button type="submit" disabled={saving.kind === 'saving'}>{saving.kind === 'saving' ? 'Saving…' : 'Save'}</button>
          <button type="button" class="danger" onClick={onDelete}>Delete customer</button>
        </div>
      </form>
      <ConsentEditor key={card.customer.id} consent={card.customer.consent} now={Date.now()} onSave={async (consent) => void (await onSave({ consent }))} />
      <h3>Orders</h3>
      {card.orders.length === 0 ? (
        <p class="empty">No orders.</p>
      ) : (
        <ul class="detail__orders">
          {card.orders.slice(0, 50).map((o) => (
            <li key={o.id}>
              {formatDate(o.orderedAt)} · {o.number ?? ''} · {formatMoney(o.total.minor, o.total.currency)} {o.status ? `· ${o.status}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>Notes</h3>
      {card.notes.length === 0 ? <p class="empty">No notes.</p> : <ul>{card.notes.map((n) => <li key={n.id}>{n.pinned ? '📌 ' : ''}{n.body}</li>)}</ul>}
    </aside>
  );
}
