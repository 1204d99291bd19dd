import { useEffect, useId, useState } from 'preact/hooks';
import type { ConsentPatch } from '../../lib/messaging/protocol';
import { MARKETING_CHANNELS, type Consent, type ConsentState, type MarketingChannel } from '../../lib/model/records';
import { formatDate } from '../format';
import { useAction } from '../sidebar/use-action';
import './consent.css';

export const MARKETING_LABELS: Record<MarketingChannel, string> = { email: 'Email', sms: 'SMS', whatsapp: 'WhatsApp' };
const STATE_LABELS: Record<ConsentState, string> = { yes: 'Yes', no: 'No', unknown: 'Not known' };

/** "Email marketing: no · SMS marketing: yes": only the channels someone recorded. */
export function marketingSummary(consent: Consent): string | null {
  const known = MARKETING_CHANNELS.filter((c) => consent.marketing[c] !== 'unknown');
  if (known.length === 0) return null;
  return known.map((c) => `${MARKETING_LABELS[c]} marketing: ${consent.marketing[c] === 'yes' ? 'yes' : 'no'}`).join(' · ');
}

/** A local calendar day as `YYYY-MM-DD`, for a date input. */
function dayValue(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A picked day at noon local time (today: now), so the date shown back is the one picked. */
function dayToTime(value: string, now: number): number | null {
  if (value === dayValue(now)) return now;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12).getTime() : null;
}

export interface ConsentFlagProps {
  consent: Consent;
  locale?: string;
}

/** The flag a card shows: do-not-contact with its date and reason, and marketing opt-outs. */
export function ConsentFlag({ consent, locale }: ConsentFlagProps) {
  const marketing = marketingSummary(consent);
  if (!consent.doNotContact && !marketing) return null;
  return (
    <div class="consent-flag" role="note" aria-label="Consent">
      {consent.doNotContact && (
        <p class="consent-flag__dnc">
          <strong>Do not contact</strong> since {formatDate(consent.doNotContact.since, locale)}
          {consent.doNotContact.reason ? `: ${consent.doNotContact.reason}` : ''}. Only service replies.
        </p>
      )}
      {marketing && <p class="consent-flag__marketing">{marketing}</p>}
    </div>
  );
}

export interface ConsentEditorProps {
  consent: Consent;
  now: number;
  locale?: string;
  onSave: (patch: ConsentPatch) => Promise<void>;
}

/**
 * Do-not-contact (with the day it was asked and why) and marketing permission per channel,
 * saved apart from any other edit. Used on the sidebar card and in the manager.
 */
export function ConsentEditor({ consent, now, locale, onSave }: ConsentEditorProps) {
  const [dnc, setDnc] = useState(consent.doNotContact !== null);
  const [since, setSince] = useState(dayValue(consent.doNotContact?.since ?? now));
  const [reason, setReason] = useState(consent.doNotContact?.reason ?? '');
  const [marketing, setMarketing] = useState(consent.marketing);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const id = useId();
  // A change saved elsewhere (the other page, an import) replaces what is shown.
  const stored = JSON.stringify(consent);
  useEffect(() => {
    setDnc(consent.doNotContact !== null);
    setSince(dayValue(consent.doNotContact?.since ?? now));
    setReason(consent.doNotContact?.reason ?? '');
    setMarketing(consent.marketing);
  }, [stored]);

  function save(event: Event) {
    event.preventDefault();
    const at = dayToTime(since, now);
    if (dnc && at === null) return;
    // An unchanged do-not-contact keeps its exact time; a new or edited one takes the picked day.
    const unchanged = consent.doNotContact && dayValue(consent.doNotContact.since) === since && consent.doNotContact.reason === reason.trim();
    const doNotContact = !dnc ? null : unchanged ? consent.doNotContact : { since: at ?? now, reason: reason.trim() };
    setSaved(false);
    void action.run(() => onSave({ doNotContact, marketing })).then((ok) => setSaved(ok));
  }

  return (
    <details class="consent-editor">
      <summary>Consent and do-not-contact</summary>
      <form class="consent-editor__form" onSubmit={save} aria-label="Consent">
        <label class="check">
          <input type="checkbox" checked={dnc} onChange={(e) => setDnc(e.currentTarget.checked)} /> Do not contact (service replies only)
        </label>
        {dnc && (
          <>
            <label for={`${id}-since`}>Since</label>
            <input id={`${id}-since`} class="input" type="date" required value={since} max={dayValue(now)} onInput={(e) => setSince(e.currentTarget.value)} />
            <label for={`${id}-reason`}>Reason</label>
            <input id={`${id}-reason`} class="input" maxLength={500} placeholder="e.g. asked us to stop writing" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </>
        )}
        <fieldset class="consent-editor__marketing">
          <legend>Marketing permission</legend>
          {MARKETING_CHANNELS.map((channel) => (
            <label key={channel}>
              {MARKETING_LABELS[channel]}{' '}
              <select class="input" value={marketing[channel]} onChange={(e) => setMarketing({ ...marketing, [channel]: e.currentTarget.value as ConsentState })}>
                {(['unknown', 'yes', 'no'] as const).map((state) => (
                  <option key={state} value={state}>
                    {STATE_LABELS[state]}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
        {consent.marketingUpdatedAt !== null && <p class="hint">Marketing permission last set {formatDate(consent.marketingUpdatedAt, locale)}.</p>}
        <button type="submit" class="button button--small" disabled={action.busy}>
          {action.busy ? 'Saving…' : 'Save consent'}
        </button>
        <p class="hint" role="status">
          {saved ? 'Consent saved.' : ''}
        </p>
        {action.error && (
          <p class="error-text" role="alert">
            {action.error}
          </p>
        )}
      </form>
    </details>
  );
}
