import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { CustomerCard as CustomerCardData } from '../../lib/messaging/protocol';
import { mailtoHref } from '../safe-href';
import { KeyFigures } from './key-figures';
import { initials } from './person-label';

/** The name a card goes by: the customer's name, else their first address. */
export function cardName(card: CustomerCardData): string {
  return card.customer.name.trim() || card.customer.emails[0] || 'Unnamed customer';
}

function EmailLink({ email }: { email: string }) {
  const href = mailtoHref(email);
  // An address we cannot turn into a safe link is still worth reading.
  return href ? <a href={href}>{email}</a> : <span>{email}</span>;
}

/** The head of a customer's card: who they are. `badges`: their tier and stage, once known. */
export function CardHeader({ card, name, badges }: { card: CustomerCardData; name: string; badges?: ComponentChildren }) {
  const { company } = card;
  return (
    <header class="card__header">
      <span class="avatar" aria-hidden="true">
        {initials(name)}
      </span>
      <div class="card__identity">
        <h2 class="card__name" title={name} dir="auto">
          {name}
        </h2>
        {company && <p class="card__company">{company.name}</p>}
        {badges}
      </div>
    </header>
  );
}

/** How to reach the customer: their addresses, phone and tags. */
export function CardContact({ card }: { card: CustomerCardData }) {
  const { customer } = card;
  const contactId = useId();
  return (
    <section class="section section--contact" aria-labelledby={contactId}>
      <h3 id={contactId} class="visually-hidden">
        Contact
      </h3>
      {customer.emails.length > 0 && (
        <ul class="contact__emails" aria-label="Email addresses">
          {customer.emails.map((email) => (
            <li key={email}>
              <EmailLink email={email} />
            </li>
          ))}
        </ul>
      )}
      {customer.phone && (
        <p class="contact__phone">
          <span class="contact__label">Phone</span> {customer.phone}
        </p>
      )}
      {customer.tags.length > 0 && (
        <ul class="tags" aria-label="Tags">
          {customer.tags.map((tag) => (
            <li key={tag} class="tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The first paint of a card (the sidebar's shell, entrypoints/sidebar-shell.tsx): who and how
 * valuable, in the sidebar's own layout, until the whole sidebar takes over a moment later.
 */
export function CardPreview({ card, now, locale }: { card: CustomerCardData; now: number; locale?: string }) {
  const name = cardName(card);
  return (
    <div class="sidebar">
      <header class="topbar">
        <span class="topbar__title">Customer</span>
      </header>
      <div class="sidebar__body">
        <article class="card" aria-label={`Customer: ${name}`} aria-busy="true">
          <CardHeader card={card} name={name} />
          <KeyFigures customer={card.customer} now={now} locale={locale} />
        </article>
      </div>
    </div>
  );
}
