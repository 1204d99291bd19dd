import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { NewCustomer, TabPerson } from '../../lib/messaging/protocol';
import { personLabel } from './person-label';
import type { CustomerPrefill } from './types';
import { useAction } from './use-action';

export interface AddCustomerFormProps {
  person: TabPerson;
  prefill: CustomerPrefill;
  onCreate: (input: NewCustomer) => Promise<void>;
}

interface Draft {
  name: string;
  email: string;
  companyName: string;
  phone: string;
  tags: string;
}

/** "vip, wholesale ,, VIP" → ["vip", "wholesale"]: trimmed, no blanks, no case-duplicates. */
export function parseTags(raw: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of raw.split(',')) {
    const tag = part.trim().slice(0, 60);
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags.slice(0, 50);
}

export function toNewCustomer(draft: Draft): NewCustomer {
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    name: draft.name.trim(),
    email: draft.email.trim(),
    companyName: orNull(draft.companyName),
    phone: orNull(draft.phone),
    tags: parseTags(draft.tags),
  };
}

/** A cheap shape check; the background normalizes and validates the address for real. */
function emailProblem(email: string): string | null {
  const value = email.trim();
  if (value === '') return 'An email address is required.';
  if (!/^[^\s@]+@[^\s@]+$/.test(value)) return 'This does not look like an email address.';
  return null;
}

/** For a person who is not a customer yet: a button that reveals a prefilled form. */
export function AddCustomerForm({ person, prefill, onCreate }: AddCustomerFormProps) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => ({
    name: prefill.name,
    email: prefill.email,
    companyName: prefill.companyName ?? '',
    phone: '',
    tags: '',
  }));
  const [emailError, setEmailError] = useState<string | null>(null);
  const action = useAction();
  const firstField = useRef<HTMLInputElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const id = useId();

  useEffect(() => {
    if (open) firstField.current?.focus();
    else if (wasOpen.current) openButton.current?.focus();
    wasOpen.current = open;
  }, [open]);

  function field(key: keyof Draft) {
    return {
      id: `${id}-${key}`,
      value: draft[key],
      readOnly: action.busy,
      onInput: (event: Event) => {
        const value = (event.currentTarget as HTMLInputElement).value;
        setDraft((current) => ({ ...current, [key]: value }));
        if (key === 'email') setEmailError(null);
      },
    };
  }

  async function submit(event: Event) {
    event.preventDefault();
    const problem = emailProblem(draft.email);
    setEmailError(problem);
    if (problem) return;
    await action.run(() => onCreate(toNewCustomer(draft)));
  }

  const label = personLabel(person);
  return (
    <section class="unknown" aria-label={`Not a customer: ${label}`}>
      <div class="unknown__intro">
        <h2 class="card__name">{label}</h2>
        {label !== person.email && <p class="muted">{person.email}</p>}
        <p class="unknown__status">Not a customer yet</p>
      </div>
      {!open ? (
        <button ref={openButton} type="button" class="button button--primary" onClick={() => setOpen(true)}>
          Add as customer
        </button>
      ) : (
        <form class="form" noValidate onSubmit={submit} aria-label="New customer" aria-busy={action.busy}>
          <label class="field" for={`${id}-name`}>
            <span class="field__label">Name</span>
            <input ref={firstField} class="input" type="text" maxLength={200} autoComplete="off" {...field('name')} />
          </label>
          <label class="field" for={`${id}-email`}>
            <span class="field__label">
              Email <span aria-hidden="true">*</span>
            </span>
            <input
              class="input"
              type="email"
              required
              maxLength={320}
              autoComplete="off"
              aria-invalid={emailError ? true : undefined}
              aria-describedby={emailError ? `${id}-email-error` : undefined}
              {...field('email')}
            />
            {emailError && (
              <span id={`${id}-email-error`} class="error-text">
                {emailError}
              </span>
            )}
          </label>
          <label class="field" for={`${id}-companyName`}>
            <span class="field__label">Company</span>
            <input class="input" type="text" maxLength={200} autoComplete="off" {...field('companyName')} />
          </label>
          <label class="field" for={`${id}-phone`}>
            <span class="field__label">Phone</span>
            <input class="input" type="tel" maxLength={50} autoComplete="off" {...field('phone')} />
          </label>
          <label class="field" for={`${id}-tags`}>
            <span class="field__label">Tags</span>
            <input
              class="input"
              type="text"
              placeholder="vip, wholesale"
              autoComplete="off"
              aria-describedby={`${id}-tags-hint`}
              {...field('tags')}
            />
            <span id={`${id}-tags-hint`} class="hint">
              Separate tags with commas
            </span>
          </label>
          {action.error && (
            <p class="error-text" role="alert">
              {action.error}
            </p>
          )}
          <div class="form__actions">
            <button type="submit" class="button button--primary" disabled={action.busy}>
              {action.busy ? 'Saving…' : 'Save customer'}
            </button>
            <button
              type="button"
              class="button"
              disabled={action.busy}
              onClick={() => {
                action.clearError();
                setOpen(false);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
