import { useState } from 'preact/hooks';
import { companyDomain } from '../../lib/email/company';
import type { CompanyPatch } from './company-panel';

export interface NewCompanyFormProps {
  /** Rejects with the background's reason (a name or domain already taken); the typed values stay. */
  onCreate(company: CompanyPatch): Promise<unknown>;
  onCancel(): void;
}

type Saving = { kind: 'idle' } | { kind: 'saving' } | { kind: 'error'; message: string };

/** One line per domain; commas and spaces separate too. */
const typedDomains = (text: string) => [...new Set(text.split(/[\s,;]+/).filter(Boolean))];

/**
 * A company added by hand. Each typed domain is checked as it is typed, the way the background
 * will check it: what will be kept (`shop.acme.co.uk` → `acme.co.uk`) and what cannot be a
 * company's domain, with the reason. The background checks again and has the last word.
 */
export function NewCompanyForm({ onCreate, onCancel }: NewCompanyFormProps) {
  const [name, setName] = useState('');
  const [domains, setDomains] = useState('');
  const [saving, setSaving] = useState<Saving>({ kind: 'idle' });
  const checks = typedDomains(domains).map((typed) => ({ typed, check: companyDomain(typed) }));
  const bad = checks.some((c) => !c.check.ok);

  async function submit(event: Event) {
    event.preventDefault();
    setSaving({ kind: 'saving' });
    try {
      await onCreate({ name: name.trim(), domains: checks.map((c) => c.typed) });
    } catch (error) {
      setSaving({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <aside class="detail" aria-label="New company">
      <header class="detail__head">
        <h2>New company</h2>
        <button type="button" class="secondary" onClick={onCancel} aria-label="Close new company">×</button>
      </header>
      <form class="detail__form" onSubmit={submit}>
        <label>Company name<input value={name} required maxLength={200} onInput={(e) => setName(e.currentTarget.value)} /></label>
        <label>
          Domains (one per line)
          <textarea rows={3} value={domains} placeholder="acme.com" onInput={(e) => setDomains(e.currentTarget.value)} />
        </label>
        {checks.length > 0 && (
          <ul class="domain-check" aria-label="Domain check">
            {checks.map(({ typed, check }) =>
              check.ok ? (
                <li key={typed}>{check.domain === typed.toLowerCase() ? check.domain : `${typed} → ${check.domain}`}</li>
              ) : (
                <li key={typed} class="domain-check__bad">{check.reason}</li>
              ),
            )}
          </ul>
        )}
        <p class="hint">Addresses at these domains are shown as this company, and its website shows its card. Free-mail domains (gmail.com, …) cannot be used.</p>
        {saving.kind === 'error' && <p class="banner banner--error" role="alert">Not created: {saving.message} Your entries are still here.</p>}
        <div class="actions">
          <button type="submit" disabled={saving.kind === 'saving' || name.trim() === '' || bad}>{saving.kind === 'saving' ? 'Creating…' : 'Create company'}</button>
          <button type="button" class="secondary" onClick={onCancel}>Cancel</button>
        </div>
      </form>
    </aside>
  );
}
