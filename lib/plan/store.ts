import { signal, type Signal } from '@preact/signals';
import type { Loadable } from '../loadable';
import type { CampaignEntry, OwnerAction, TodayEntry } from '../messaging/protocol';

/** Today's plan as a page shows it (the popup and the manager show the same one). */
export type TodayPlan = { items: TodayEntry[]; total: number; planSize: number; campaign: number; owner: OwnerAction | null };

export interface PlanApi {
  /** The plan's first `limit` relationships (the owner's plan size when omitted). */
  today(limit?: number): Promise<TodayPlan & { computedAt: number | null }>;
  campaign?(): Promise<{ entries: CampaignEntry[] }>;
}

/**
 * Today's plan for a page: loads the owner's plan size, "show more" asks for the next as many.
 * A reply is applied only if it answers the newest request.
 */
export function createPlanStore(api: PlanApi) {
  const plan: Signal<Loadable<TodayPlan>> = signal({ kind: 'loading' });
  let limit: number | undefined;
  let generation = 0;

  async function load() {
    const gen = ++generation;
    try {
      const reply = await api.today(limit);
      if (gen !== generation) return;
      plan.value = { kind: 'ready', value: { items: reply.items, total: reply.total, planSize: reply.planSize, campaign: reply.campaign, owner: reply.owner } };
    } catch (error) {
      if (gen === generation) plan.value = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    plan,
    load,
    /** The next plan-size's worth of relationships. */
    showMore() {
      const current = plan.value;
      if (current.kind !== 'ready') return Promise.resolve();
      limit = Math.min(200, current.value.items.length + current.value.planSize);
      return load();
    },
    campaign: () => (api.campaign ? api.campaign() : Promise.resolve({ entries: [] })),
  };
}

export type PlanStore = ReturnType<typeof createPlanStore>;
