import { createHash } from 'node:crypto';
import {
  CrmError,
  MAX_ACTIVITIES_PER_APPLY,
  MAX_RECORDS_PER_APPLY,
  notFound,
  stepDueAt,
  toWallTime,
  type ActivityPlan,
  type ApplyPlanResult,
  type ApplyPlanSchema,
  type Member,
  type PlanTarget,
  type PlanTargetKind,
  type RecordOf,
} from '@rapport/shared';
import type { z } from 'zod';
import type { Principal } from '../auth/principal';
import type { Draft } from '../kinds/kind-hooks';
import type { RecordWriter } from '../services/record-writer';
import { listUpTo } from '../store/list-up-to';
import type { IdempotencyClaim, Store } from '../store/store';

type Apply = z.output<typeof ApplyPlanSchema>;

/** A record a plan is applied to: what its activities link to, and who does them. */
type Target = { kind: PlanTargetKind; id: string; ownerId: string; links: Pick<Draft<'activity'>, 'contactIds' | 'companyId' | 'dealId' | 'leadId' | 'caseId'> };

// A team's or a territory's records are read per owner, up to this many each: more than the bound of an apply, so a
// larger set is refused rather than cut short.
const MAX_READ_PER_OWNER = 2_000;
const MAX_MEMBERS = 2_000;

export type ApplyPlanDependencies = { store: Store; writer: RecordWriter; now: () => Date };

/**
 * Applies an activity plan: for each record of the target and each step, one planned activity, owned by the record's
 * owner (the caller's when the owner is no longer active), due at the start plus the step's days (a weekend moved to
 * Monday) at 09:00 in the caller's zone. Each activity's id comes from the plan, record, step and start, so applying the
 * plan again finds what it planned and writes nothing twice; a retry under the same Idempotency-Key counts what its
 * first try created as created, as the first answer did.
 */
export class ApplyPlanService {
  constructor(private readonly deps: ApplyPlanDependencies) {}

  async apply(principal: Principal, planId: string, body: Apply, idempotency?: { key: string; requestHash: string }): Promise<ApplyPlanResult> {
    const { store, writer } = this.deps;
    const plan = await store.get('activityPlan', principal.tenantId, planId);
    if (!plan) throw notFound('activityPlan', planId);
    const timeZone = body.timeZone ?? 'UTC';
    const start = body.start ?? toWallTime(this.deps.now().toISOString(), timeZone).date;
    const members = await listUpTo(store, 'member', principal.tenantId, {}, MAX_MEMBERS);
    const targets = await this.targetsOf(principal, body.target, members.items);
    const activities = targets.length * plan.steps.length;
    if (targets.length > MAX_RECORDS_PER_APPLY || activities > MAX_ACTIVITIES_PER_APPLY) throw tooMany(targets.length, activities);

    const active = new Map(members.items.filter((member) => !member.deactivated).map((member) => [member.id, member]));
    const lookups = writer.lookupsFor(principal.tenantId);
    const claimOf = (n: number): IdempotencyClaim | undefined =>
      idempotency ? { userId: principal.userId, key: claimKey(idempotency.key, n), requestHash: idempotency.requestHash } : undefined;
    // The key used before for another request is refused before anything is planned (the store compares the requests).
    const first = claimOf(0);
    if (first) await store.replayOf('activity', principal.tenantId, first);
    const created = new Map<string, number>();
    let existing = 0;
    for (const [targetIndex, target] of targets.entries()) {
      const ownerId = active.has(target.ownerId) ? target.ownerId : principal.userId;
      for (const [index, step] of plan.steps.entries()) {
        const id = plannedActivityId(plan, target, index, start);
        const claim = claimOf(targetIndex * plan.steps.length + index);
        const there = (await store.get('activity', principal.tenantId, id)) ?? (await store.getDeleted('activity', principal.tenantId, id));
        if (there) {
          // A retry: what its first try planned is counted as planned, as the first answer counted it.
          const mine = claim ? await store.replayOf('activity', principal.tenantId, claim) : null;
          if (mine?.id === id) created.set(mine.ownerId, (created.get(mine.ownerId) ?? 0) + 1);
          else existing++;
          continue;
        }
        const fields: Draft<'activity'> = {
          kind: step.kind,
          subject: step.subject,
          at: stepDueAt(start, step.dayOffset, timeZone),
          status: 'planned',
          participants: [],
          contactIds: [],
          ...target.links,
          ...(step.notes ? { notes: step.notes } : {}),
          ...(step.durationMinutes !== undefined ? { durationMinutes: step.durationMinutes } : {}),
        };
        await writer.add('activity', principal, fields, { id, ownerId, lookups, ...(claim ? { claim } : {}) });
        created.set(ownerId, (created.get(ownerId) ?? 0) + 1);
      }
    }
    const nameOf = (id: string) => active.get(id)?.displayName ?? members.items.find((member) => member.id === id)?.displayName ?? id;
    return {
      records: targets.length,
      created: [...created.values()].reduce((sum, n) => sum + n, 0),
      existing,
      owners: [...created].map(([memberId, n]) => ({ memberId, name: nameOf(memberId), created: n })),
      start,
    };
  }

  /** The records a target names, each with its owner and links; a team's or a territory's read per owner. */
  private async targetsOf(principal: Principal, target: PlanTarget, members: readonly Member[]): Promise<Target[]> {
    const { store } = this.deps;
    const tenantId = principal.tenantId;
    switch (target.type) {
      case 'record': {
        const record = await store.get(target.kind, tenantId, target.id);
        if (!record) throw notFound(target.kind, target.id);
        return [targetOf(target.kind, record)];
      }
      case 'team': {
        const team = target.team.trim().toLowerCase();
        const owners = members.filter((member) => !member.deactivated && member.team?.trim().toLowerCase() === team).map((member) => member.id);
        if (owners.length === 0) {
          throw new CrmError('unprocessable', 'ACTIVITY_PLAN.UNKNOWN_TEAM', `No active member is in the team "${target.team}": check its name in Members.`, { team: target.team });
        }
        if (target.records === 'companies') return (await this.ownedBy('company', tenantId, owners)).map((company) => targetOf('company', company));
        const deals = await this.ownedBy('deal', tenantId, owners);
        return deals.filter((deal) => deal.status === 'open').map((deal) => targetOf('deal', deal));
      }
      case 'territory': {
        const territory = await store.get('territory', tenantId, target.territoryId);
        if (!territory) throw notFound('territory', target.territoryId);
        // A territory's accounts are found through its reps, whose companies these are; a company of the territory
        // that someone outside it owns is not read.
        const companies = await this.ownedBy('company', tenantId, territory.repIds);
        return companies.filter((company) => company.territoryId === territory.id).map((company) => targetOf('company', company));
      }
    }
  }

  /** Records of a kind the owners own, read owner by owner: enough to know when there are more than one apply takes. */
  private async ownedBy<K extends 'company' | 'deal'>(kind: K, tenantId: string, owners: readonly string[]): Promise<RecordOf[K][]> {
    const all: RecordOf[K][] = [];
    for (const ownerId of owners) all.push(...(await listUpTo(this.deps.store, kind, tenantId, { ownerId }, MAX_READ_PER_OWNER)).items);
    return all;
  }
}

/** The field of an activity that links it to a record of each kind a plan is applied to. */
const linkFieldOf = { contact: 'contactIds', company: 'companyId', deal: 'dealId', lead: 'leadId', case: 'caseId' } as const satisfies Record<PlanTargetKind, string>;

/** A record as a plan's target: its activities link to it, and to its company and contacts as one logged there would. */
function targetOf<K extends PlanTargetKind>(kind: K, record: RecordOf[K]): Target {
  const fields = record as Partial<{ companyId: string; contactId: string; contactIds: string[] }>;
  const links: Target['links'] = {
    contactIds: fields.contactIds ? fields.contactIds.slice(0, 50) : fields.contactId ? [fields.contactId] : [],
    ...(fields.companyId ? { companyId: fields.companyId } : {}),
  };
  const field = linkFieldOf[kind];
  return { kind, id: record.id, ownerId: record.ownerId, links: field === 'contactIds' ? { ...links, contactIds: [record.id] } : { ...links, [field]: record.id } };
}

/** The id of the activity a plan's step plans for a record from a start: the same every time the plan is applied so. */
export function plannedActivityId(plan: Pick<ActivityPlan, 'id'>, target: Pick<Target, 'kind' | 'id'>, step: number, start: string): string {
  return `plan-${createHash('sha256').update(`${plan.id}|${target.kind}|${target.id}|${step}|${start}`).digest('hex').slice(0, 40)}`;
}

/** One claim per activity under the request's key, by its place in the apply: a retry finds each activity its first try made. */
function claimKey(key: string, n: number): string {
  return `apply:${createHash('sha256').update(key).digest('base64url')}:${n}`;
}

function tooMany(records: number, activities: number): CrmError {
  return new CrmError(
    'unprocessable',
    'ACTIVITY_PLAN.TOO_MANY_RECORDS',
    `This would plan ${activities} activities for ${records} records; one apply plans at most ${MAX_ACTIVITIES_PER_APPLY} activities for at most ${MAX_RECORDS_PER_APPLY} records. Apply the plan to a smaller team or territory, or to records one at a time.`,
    { records, activities, maxRecords: MAX_RECORDS_PER_APPLY, maxActivities: MAX_ACTIVITIES_PER_APPLY },
  );
}

