import { useId } from 'preact/hooks';
import type { CompanyCardData, CompanyContact } from '../../lib/messaging/protocol';
import { formatDate, formatMoney } from '../../lib/format';
import { mailtoHref } from '../safe-href';
import { initials } from './person-label';
import './company-card.css';

export interface CompanyCardProps {
  card: CompanyCardData;
  locale?: string;
  /** Opens a contact's customer card. */
  onOpenContact?: (customerId: string, email: string | null) => void;
}

const TIER_ORDER = ['A', 'B', 'C', 'Prospect'] as const;
type TierName = (typeof TIER_ORDER)[number];

/** A contact's tier: the hand-set override wins, else the computed one; null before insights exist. */
export function contactTier(contact: CompanyContact): TierName | null {
  return contact.tierOverride ?? contact.insights?.tier ?? null;
}

/** The company's tier: its best contact's. Null when no contact has a tier yet. */
export function companyTier(contacts: readonly CompanyContact[]): TierName | null {
  let best: TierName | null = null;
  for (const contact of contacts) {
    const tier = contactTier(contact);
    if (tier !== null && (best === null || TIER_ORDER.indexOf(tier) < TIER_ORDER.indexOf(best))) best = tier;
  }
  return best;
}

function TierMark({ tier }: { tier: TierName }) {
  const label = tier === 'Prospect' ? 'Prospect' : `Tier ${tier}`;
  return (
    <span class={`tier tier--${tier.toLowerCase()}`} title={label}>
      {label}
    </span>
  );
}

/**
 * The company whose website the tab shows: its contacts, their combined revenue, the tier, the
 * contacts' notes and the next action. Every string is rendered as text.
 */
export function CompanyCard({ card, locale, onOpenContact }: CompanyCardProps) {
  const contactsId = useId();
  const notesId = useId();
  const { company, contacts } = card;
  const tier = companyTier(contacts);
  const revenue = card.revenue.map((m) => formatMoney(m.minor, m.currency, locale)).join(' · ');

  return (
    <article class="card card--company" aria-label={`Company: ${company.name}`}>
      <header class="card__header">
        <span class="avatar avatar--company" aria-hidden="true">
          {initials(company.name)}
        </span>
        <div class="card__identity">
          <h2 class="card__name">{company.name}</h2>
          <p class="card__company">{card.domain}</p>
        </div>
        {tier && <TierMark tier={tier} />}
      </header>

      <dl class="figures" aria-label="Company figures">
        <div class="figure">
          <dt class="figure__label">Revenue</dt>
          <dd class="figure__value">{revenue || '—'}</dd>
        </div>
        <div class="figure">
          <dt class="figure__label">Orders</dt>
          <dd class="figure__value">{card.orderCount}</dd>
        </div>
        <div class="figure">
          <dt class="figure__label">Contacts</dt>
          <dd class="figure__value">{contacts.length}</dd>
        </div>
      </dl>

      {card.nextAction && (
        <section class="section next-action" aria-label="Next action">
          <p class="next-action__title">{card.nextAction.title}</p>
          <p class="next-action__reason">{card.nextAction.reason}</p>
        </section>
      )}

      <section class="section" aria-labelledby={contactsId}>
        <h3 id={contactsId} class="section__title">
          Contacts
        </h3>
        {contacts.length === 0 ? (
          <p class="state__text">No contacts at this company yet.</p>
        ) : (
          <ul class="contacts">
            {contacts.map((contact) => {
              const contactTierName = contactTier(contact);
              const href = contact.email ? mailtoHref(contact.email) : null;
              const name = contact.name.trim() || contact.email || 'Unnamed customer';
              return (
                <li key={contact.customerId} class="contact">
                  {onOpenContact ? (
                    <button type="button" class="link-button" onClick={() => onOpenContact(contact.customerId, contact.email)}>
                      {name}
                    </button>
                  ) : (
                    <span>{name}</span>
                  )}
                  {contactTierName && <TierMark tier={contactTierName} />}
                  {contact.email && (href ? <a href={href}>{contact.email}</a> : <span>{contact.email}</span>)}
                  {contact.lastOrderAt !== null && (
                    <span class="contact__meta">Last order {formatDate(contact.lastOrderAt, locale)}</span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {card.notes.length > 0 && (
        <section class="section" aria-labelledby={notesId}>
          <h3 id={notesId} class="section__title">
            Notes
          </h3>
          <ul class="company-notes">
            {card.notes.map((note) => (
              <li key={note.id} class={note.pinned ? 'company-note company-note--pinned' : 'company-note'}>
                <p class="company-note__body">{note.body}</p>
                <p class="contact__meta">
                  {note.customerName} · {formatDate(note.createdAt, locale)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
