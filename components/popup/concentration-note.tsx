import type { ConcentrationView } from '../../lib/messaging/protocol';
import { formatMoney } from '../format';

const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * Concentration risk for the owner: too much of the last 12 months' revenue hangs on a few
 * customers. Shown only when flagged; names are text.
 */
export function ConcentrationNote({ concentration, locale }: { concentration: ConcentrationView | null; locale?: string }) {
  if (!concentration || !(concentration.top1Flagged || concentration.top5Flagged)) return null;
  const { top, top1Share, top5Share, top1Flagged, totalMinor, currency } = concentration;
  const first = top[0];
  return (
    <section class="popup__section concentration" aria-label="Revenue concentration">
      <p class="concentration__text">
        {top1Flagged && first
          ? `${first.name} alone brings ${percent(top1Share)} of 12 months' revenue (${formatMoney(totalMinor, currency, locale)}):`
          : `Your top ${Math.min(5, top.length)} customers bring ${percent(top5Share)} of 12 months' revenue (${formatMoney(totalMinor, currency, locale)}):`}{' '}
        keep them close, grow the others.
      </p>
    </section>
  );
}
