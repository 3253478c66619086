import {
  TENANT_SETTINGS_ID,
  DEFAULT_CONTRACT_RENEWAL_DAYS,
  addDays,
  contractReference,
  noticeDeadline,
  renewalReminderDay,
  renewedEndDate,
  type Contract,
  type MemberLanguage,
} from '@rapport/shared';
import type { Job, JobOutcome } from '../jobs/job';
import type { RecordWriter } from '../services/record-writer';
import { derivedId } from '../services/derived-ids';
import type { Store, WorkItem } from '../store/store';
import { renewalTaskWords } from './renewal-words';

/** The job that reminds a contract's owner of its end, and renews the contracts that renew by themselves. */
export const CONTRACT_RENEWALS_JOB = 'contract-renewals';

// Items handled per run, and contracts read per page when a tenant's renewal days change: every run is bounded.
const PER_RUN = 200;
const REPLAN_PAGE = 100;
// An item that keeps failing is tried hourly for a day, then let go (and said in the run's notes).
const MAX_TRIES = 24;

type ContractItem = { contractId: string };
type ReplanItem = { replan: true; cursor?: string };

const itemKey = (tenantId: string, contractId: string) => `${tenantId}|${contractId}`;
const replanKey = (tenantId: string) => `${tenantId}|replan`;
const startOf = (day: string) => `${day}T00:00:00.000Z`;

/** The tenant's days before a contract's end that its owner is reminded (the default until an admin sets them). */
export async function renewalDaysOf(store: Store, tenantId: string): Promise<number> {
  const settings = await store.get('settings', tenantId, TENANT_SETTINGS_ID);
  return settings?.contractRenewalDays ?? DEFAULT_CONTRACT_RENEWAL_DAYS;
}

/**
 * Keeps a contract's one work item as the contract says, after any write of it: due on its reminder day (at once when
 * that day is past), or gone when it is cancelled or deleted. The job reads the contract again, so an item left
 * behind does nothing.
 */
export async function followContractRenewal(store: Store, contract: Contract, now: Date, renewalDays?: number): Promise<void> {
  const key = itemKey(contract.tenantId, contract.id);
  if (contract.cancelled || contract.deletedAt) {
    await store.removeWork(CONTRACT_RENEWALS_JOB, key);
    return;
  }
  const days = renewalDays ?? (await renewalDaysOf(store, contract.tenantId));
  const due = startOf(renewalReminderDay(contract, days));
  const at = now.toISOString();
  const payload: ContractItem = { contractId: contract.id };
  await store.saveWork({ job: CONTRACT_RENEWALS_JOB, key, tenantId: contract.tenantId, dueAt: due > at ? due : at, attempts: 0, payload, createdAt: at });
}

/** After an admin changes the renewal days: every contract of the tenant is planned again, a page per run. */
export async function replanContractRenewals(store: Store, tenantId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const payload: ReplanItem = { replan: true };
  await store.saveWork({ job: CONTRACT_RENEWALS_JOB, key: replanKey(tenantId), tenantId, dueAt: at, attempts: 0, payload, createdAt: at });
}

/** The id of the renewal task of one contract and end date: a rerun, or a second instance, adds none. */
export function renewalTaskId(contract: Pick<Contract, 'id' | 'endDate'>): string {
  return derivedId(contract.id, 'renewal', contract.endDate);
}

/**
 * Hourly: the contracts whose reminder day came get a task for their owner (once per contract and end date), and those
 * that renew by themselves, once past their end, get their next term. Each item reads its contract again, so a changed
 * end date or setting is followed, and a cancelled or deleted contract is let go.
 */
export function contractRenewalsJob(deps: { store: Store; writer: RecordWriter }): Job {
  return {
    name: CONTRACT_RENEWALS_JOB,
    everyMinutes: 60,
    run: async ({ at }): Promise<JobOutcome> => {
      const due = await deps.store.dueWork(CONTRACT_RENEWALS_JOB, at.toISOString(), PER_RUN);
      const days = new Map<string, Promise<number>>();
      const daysOf = (tenantId: string) => {
        let found = days.get(tenantId);
        if (!found) days.set(tenantId, (found = renewalDaysOf(deps.store, tenantId)));
        return found;
      };
      let done = 0;
      const notes: string[] = [];
      for (const item of due) {
        try {
          if ((item.payload as ReplanItem).replan) done += await replan(deps.store, item, at, await daysOf(item.tenantId));
          else if (await remind(deps, item, at, await daysOf(item.tenantId))) done++;
        } catch (error) {
          // One contract's trouble never stops the others: it is tried again next run.
          const why = error instanceof Error ? error.message : String(error);
          if (item.attempts + 1 >= MAX_TRIES) {
            notes.push(`${item.key}: ${why}; given up`);
            await deps.store.removeWork(CONTRACT_RENEWALS_JOB, item.key);
          } else {
            notes.push(`${item.key}: ${why}; tried again in an hour`);
            await deps.store.saveWork({ ...item, attempts: item.attempts + 1, dueAt: new Date(at.getTime() + 60 * 60_000).toISOString() });
          }
        }
      }
      return { done, ...(notes.length > 0 ? { notes } : {}) };
    },
  };
}

/** One page of a tenant's contracts planned again; the item goes on from its cursor next run, or is done. */
async function replan(store: Store, item: WorkItem, at: Date, renewalDays: number): Promise<number> {
  const { cursor } = item.payload as ReplanItem;
  const page = await store.list('contract', item.tenantId, { limit: REPLAN_PAGE, cursor });
  for (const contract of page.items) await followContractRenewal(store, contract, at, renewalDays);
  if (page.nextCursor) await store.saveWork({ ...item, payload: { replan: true, cursor: page.nextCursor } satisfies ReplanItem });
  else await store.removeWork(CONTRACT_RENEWALS_JOB, item.key);
  return page.items.length;
}

/** A contract's item: its reminder when its day came, its next term when it renews and ended. True when it did either. */
async function remind(deps: { store: Store; writer: RecordWriter }, item: WorkItem, at: Date, renewalDays: number): Promise<boolean> {
  const { store, writer } = deps;
  const contract = await store.get('contract', item.tenantId, (item.payload as ContractItem).contractId);
  if (!contract || contract.cancelled) {
    await store.removeWork(CONTRACT_RENEWALS_JOB, item.key);
    return false;
  }
  const today = at.toISOString().slice(0, 10);
  const reminder = renewalReminderDay(contract, renewalDays);
  // The days were lowered (or the end moved) since it was queued: not yet.
  if (today < reminder) {
    await store.saveWork({ ...item, dueAt: startOf(reminder) });
    return false;
  }
  const owner = { tenantId: contract.tenantId, userId: contract.ownerId };
  if (today > contract.endDate) {
    if (!contract.renewal.autoRenew) {
      await store.removeWork(CONTRACT_RENEWALS_JOB, item.key);
      return false;
    }
    // Its next term: the change queues the next reminder (the contract's afterWrite).
    await writer.change('contract', owner, contract, { endDate: renewedEndDate(contract) }, { origin: 'system' });
    return true;
  }
  await addTaskOnce(deps, contract, today);
  if (contract.renewal.autoRenew) await store.saveWork({ ...item, dueAt: startOf(addDays(contract.endDate, 1)) });
  else await store.removeWork(CONTRACT_RENEWALS_JOB, item.key);
  return true;
}

/** The owner's task for the contract's end, in their language, due today, with the company. */
async function addTaskOnce(deps: { store: Store; writer: RecordWriter }, contract: Contract, today: string): Promise<void> {
  const [member, company] = await Promise.all([deps.store.get('member', contract.tenantId, contract.ownerId), deps.store.get('company', contract.tenantId, contract.companyId)]);
  const language: MemberLanguage = member?.language ?? 'en';
  const words = renewalTaskWords(language);
  const reference = contractReference(contract);
  const task = {
    kind: 'task' as const,
    subject: words.subject(contract.name, contract.endDate, contract.renewal.autoRenew),
    summary: words.summary({
      reference,
      company: company?.name ?? '',
      endDate: contract.endDate,
      autoRenew: contract.renewal.autoRenew,
      renewsUntil: renewedEndDate(contract),
      noticeBy: contract.renewal.noticeDays > 0 ? noticeDeadline(contract) : null,
    }),
    at: `${today}T09:00:00.000Z`,
    status: 'planned' as const,
    priority: 'high' as const,
    companyId: contract.companyId,
    contactIds: [],
    participants: [],
  };
  await deps.writer.addOnce('activity', { tenantId: contract.tenantId, userId: contract.ownerId }, task, { id: renewalTaskId(contract), origin: 'system' });
}
