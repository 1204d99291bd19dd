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
    <section class="popup__section concentration" aria-labelledby="concentration-title">
      <h2 id="concentration-title" class="popup__heading">
        Revenue concentration
      </h2>
      <p class="concentration__text">
        {top1Flagged && first
          ? `${first.name} alone brings ${percent(top1Share)} of the last 12 months' revenue (${formatMoney(totalMinor, currency, locale)}).`
          : `Your top ${Math.min(5, top.length)} customers bring ${percent(top5Share)} of the last 12 months' revenue (${formatMoney(totalMinor, currency, locale)}).`}{' '}
        Losing one would hurt: keep them close and grow the others.
      </p>
    </section>
  );
}
