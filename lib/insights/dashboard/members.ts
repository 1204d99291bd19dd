import { INTERACTION_KINDS, STAGES } from '../../model/records';
import type { TierName } from '../types';
import { ACTIVITY_GROUP_NAMES, bucketOf, buckets, complaintOpen, groupOfKind, isOverdue } from './activity';
import { BOOK_TIERS, NO_DAY } from './book';
import { monthOfDay, parseDayKey, parseMonthKey } from './calendar';
import type { Scope } from './filters';
import { cohortRange, markReadable, repeatKind } from './life';
import type { Segment } from './segment';
import { bandOf, rankPayers } from './value';

/**
 * The customers behind a part of a chart, as book indexes, read exactly as the chart's figure
 * was: tests/lib/insights/dashboard check that every part's count is its list's length.
 */
export function membersOf(scope: Scope, segment: Segment, cadenceDays: Readonly<Record<TierName, number>>): number[] {
  const { book } = scope;
  const all = Array.from(scope.customers);
  switch (segment.part) {
    case 'all':
      return all;
    case 'top':
      return rankPayers(scope).slice(0, segment.count);
    case 'tier': {
      const t = BOOK_TIERS.indexOf(segment.tier);
      return all.filter((c) => book.tier[c] === t);
    }
    case 'rfm':
      return all.filter((c) => book.r[c] === segment.r && bandOf(book.f[c] as number, book.m[c] as number) === segment.band);
    case 'stage': {
      const s = STAGES.indexOf(segment.stage);
      return all.filter((c) => book.stage[c] === s);
    }
    case 'cohort': {
      const month = parseMonthKey(segment.month);
      const { first, last } = cohortRange(scope);
      if (month === null || month < first || month > last) return [];
      if (segment.after !== 0 && !markReadable(month, segment.after, scope.today)) return [];
      return all.filter((c) => {
        const day = book.firstPurchase[c] as number;
        if (day === NO_DAY || monthOfDay(day) !== month) return false;
        return segment.after === 0 || monthOfDay(book.lastPurchase[c] as number) >= month + segment.after;
      });
    }
    case 'repeat':
      return all.filter((c) => repeatKind(scope, c) === segment.repeat);
    case 'new-returning': {
      const month = parseMonthKey(segment.month);
      if (month === null || scope.currencyIndex < 0) return [];
      return all.filter((c) => {
        const firstDay = book.firstPurchase[c] as number;
        const isNew = firstDay !== NO_DAY && monthOfDay(firstDay) === month;
        if ((segment.kind === 'new') !== isNew) return false;
        for (let o = book.orderStart[c] as number; o < (book.orderStart[c + 1] as number); o++) {
          const day = book.orderDay[o] as number;
          if (day >= scope.from && day <= scope.to && book.orderCurrency[o] === scope.currencyIndex && monthOfDay(day) === month) return true;
        }
        return false;
      });
    }
    case 'overdue': {
      const t = BOOK_TIERS.indexOf(segment.tier);
      return all.filter((c) => book.tier[c] === t && isOverdue(scope, cadenceDays, c));
    }
    case 'activity': {
      const { unit } = buckets(scope);
      const bucket = segment.bucket === null ? null : parseDayKey(segment.bucket);
      if (segment.bucket !== null && bucket === null) return [];
      const group = segment.group === null ? -1 : ACTIVITY_GROUP_NAMES.indexOf(segment.group);
      const kind = segment.kind === null ? -1 : INTERACTION_KINDS.indexOf(segment.kind);
      return all.filter((c) => {
        for (let i = book.interactionStart[c] as number; i < (book.interactionStart[c + 1] as number); i++) {
          const day = book.interactionDay[i] as number;
          if (day < scope.from || day > scope.to) continue;
          if (bucket !== null && bucketOf(unit, day) !== bucket) continue;
          const k = book.interactionKind[i] as number;
          if (kind >= 0 && k !== kind) continue;
          if (group >= 0 && groupOfKind(k) !== group) continue;
          return true;
        }
        return false;
      });
    }
    case 'complaints-open':
      return all.filter((c) => complaintOpen(scope, c));
  }
}
