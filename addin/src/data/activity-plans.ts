import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActivityPlan, ActivityPlanInput, ApplyPlan } from '@rapport/shared/activity-plans/activity-plan.schema';
import type { AnyRecord } from '@rapport/shared/kinds/kinds';
import { useApi } from './ApiProvider';
import { queryKeys } from './query-keys';
import { useRecordList } from './queries';
import { afterRecordWrite, useIdempotencyKey } from './writes';

/** The activity plans' read (the team tab's card): a tenant keeps far fewer than a page of plans. */
export const PLANS_QUERY = { limit: 100 } as const;

/** The tenant's activity plans: a manager keeps a handful, far fewer than a page. */
export function useActivityPlans() {
  return useRecordList('activityPlan', PLANS_QUERY);
}

/** Creating a plan, or changing one at the version read (If-Match). */
export function useSavePlan() {
  const api = useApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const plans = api.records('activityPlan');
  return useMutation({
    mutationFn: async ({ plan, input }: { plan: ActivityPlan | null; input: ActivityPlanInput }): Promise<ActivityPlan> =>
      (plan ? await plans.update(plan.id, input, plan.version) : await plans.create(input, idempotency.key())) as ActivityPlan,
    onSuccess: (saved, { plan }) => {
      idempotency.renew();
      afterRecordWrite(queryClient, 'activityPlan', saved as AnyRecord, (plan ?? undefined) as AnyRecord | undefined);
    },
  });
}

export function useDeletePlan() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (plan: ActivityPlan) => api.records('activityPlan').remove(plan.id, plan.version),
    onSuccess: (_, plan) => afterRecordWrite(queryClient, 'activityPlan', undefined, plan as AnyRecord),
  });
}

/**
 * Applying a plan. A failed apply sent again (Retry) carries the same Idempotency-Key, so the API answers what the
 * first one planned; each new apply gets a new key. The planned work shows wherever activities are read: the records'
 * timelines and counters, and My day.
 */
export function useApplyPlan() {
  const api = useApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ planId, body }: { planId: string; body: ApplyPlan }) => api.call('applyActivityPlan', { params: { id: planId }, body, key: idempotency.key() }),
    onSuccess: () => {
      idempotency.renew();
      for (const prefix of [['timeline'], ['work'], queryKeys.list('activity'), queryKeys.operation('myDay')]) void queryClient.invalidateQueries({ queryKey: prefix });
    },
  });
}

/** "Ana and Bruno": who got the planned activities, in alphabetical order, for the message after an apply. */
export function ownerNames(owners: readonly { name: string }[], locale: string): string {
  const names = owners.map((owner) => owner.name).sort(new Intl.Collator(locale).compare);
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}
