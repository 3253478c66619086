import { DEFAULT_SERVICE_LEVEL, TENANT_SETTINGS_ID, activeContractOf, caseIsOpen, dayOf, serviceLevelDueTimes, type CaseServiceLevel } from '@rapport/shared';
import type { Store } from '../store/store';
import { queueCaseSurvey } from '../surveys/survey-invitations.job';
import type { Draft, KindHooks } from './kind-hooks';
import { utcOrUnset } from './normalize';

// The contracts of a company read to find the one in force: a company has a handful.
const CONTRACTS_READ = 50;

// The status flow itself is the kind's definition (`caseKind.statusFlow`); the writer enforces it.
export const caseHooks: KindHooks<'case'> = {
  prepare: async (fields, { now, previous, store, actor }) => {
    const { closedAt: _closedAt, ...rest } = fields;
    let next: Draft<'case'> = { ...rest, openedAt: utcOrUnset(fields.openedAt) ?? now };
    // A new case is promised what its customer's contract in force says, else the tenant's default, from its opening.
    if (!previous && !next.serviceLevel) {
      const level = await serviceLevelFor(store, actor.tenantId, next.companyId, next.openedAt ?? now);
      next = { ...next, serviceLevel: level, ...serviceLevelDueTimes(next.openedAt ?? now, level) };
    }
    // Opened at another time than it said: what it was promised runs from then.
    if (previous && next.serviceLevel && next.openedAt && next.openedAt !== previous.openedAt) next = { ...next, ...serviceLevelDueTimes(next.openedAt, next.serviceLevel) };
    // First answered when taken up: out of new (or made already taken up), or answered with an article (its action).
    const taken = fields.status !== undefined && fields.status !== 'new';
    if (!next.respondedAt && taken && (!previous || previous.status === 'new')) next = { ...next, respondedAt: now };
    if (fields.status === undefined || caseIsOpen(fields.status)) return next;
    return { ...next, closedAt: previous?.closedAt && !caseIsOpen(previous.status) ? previous.closedAt : now };
  },
  // The customer of a case closed in this write gets a satisfaction survey (when the tenant sends them): the job decides.
  afterWrite: (item, { store, now }) => queueCaseSurvey(store, item, now),
  actions: {
    // Each article once: the first reply written from it says when and by whom.
    answered: (item, body, { actor, now }) => {
      const articleId = String(body.articleId);
      const answered = item.answeredWith ?? [];
      if (answered.some((entry) => entry.articleId === articleId)) return {};
      return { answeredWith: [...answered, { articleId, at: now, by: actor.userId }], ...(item.respondedAt ? {} : { respondedAt: now }) };
    },
  },
};

/** The service level of a case of this company opened at `openedAt`: its contract's in force then, else the tenant's. */
async function serviceLevelFor(store: Store, tenantId: string, companyId: string | undefined, openedAt: string): Promise<CaseServiceLevel> {
  const settings = await store.get('settings', tenantId, TENANT_SETTINGS_ID);
  const fallback = settings?.serviceLevel ?? DEFAULT_SERVICE_LEVEL;
  if (companyId) {
    const contracts = await store.list('contract', tenantId, { linkedTo: { kind: 'company', id: companyId }, limit: CONTRACTS_READ });
    const contract = activeContractOf(contracts.items, dayOf(openedAt));
    if (contract?.serviceLevel) {
      const { name, responseHours, resolutionHours } = contract.serviceLevel;
      return { name, responseHours, resolutionHours: resolutionHours ?? Math.max(responseHours, fallback.resolutionHours), contractId: contract.id };
    }
  }
  return { responseHours: fallback.responseHours, resolutionHours: fallback.resolutionHours };
}
