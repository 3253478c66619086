import { CrmError, maySurvey, nextNpsDay, type NpsSurveyResult, type Survey, type SurveyView } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { RecordService } from '../services/records.service';
import { retryOnStale } from '../services/retry-on-stale';
import { listUpTo } from '../store/list-up-to';
import type { Store } from '../store/store';
import { queueNpsSurvey, surveySettingsOf } from './survey-invitations.job';

// The contacts of one company an NPS run reads, at most.
const MAX_COMPANY_CONTACTS = 500;

/** Members' side of surveys: reading a customer's surveys, and a manager's NPS to a company. */
export class SurveysService {
  constructor(private readonly deps: { store: Store; records: RecordService; now: () => Date }) {}

  /** A contact's, a company's or a case's surveys, the latest first (the one it is asked of must be readable). */
  async list(principal: Principal, query: { contactId?: string | undefined; companyId?: string | undefined; caseId?: string | undefined; limit: number }): Promise<SurveyView[]> {
    const target = query.contactId ? ({ kind: 'contact', id: query.contactId } as const) : query.companyId ? ({ kind: 'company', id: query.companyId } as const) : ({ kind: 'case', id: query.caseId ?? '' } as const);
    await this.deps.records.get(target.kind, principal, target.id);
    const { items } = await this.deps.store.list('survey', principal.tenantId, { linkedTo: target, limit: query.limit });
    return items.map(viewOf);
  }

  async get(principal: Principal, id: string): Promise<SurveyView> {
    return viewOf(await this.deps.records.get('survey', principal, id));
  }

  /**
   * NPS to the company's contacts, once per the tenant's period: each contact who may be asked is queued for the job,
   * then the company notes the run, when it queued anyone. A second request within the period is refused; one racing
   * this one, or retried after it stopped, queues contacts the job then finds asked already (one survey each).
   */
  async sendNps(principal: Principal, companyId: string): Promise<NpsSurveyResult> {
    const { store, records } = this.deps;
    const now = this.deps.now().toISOString();
    const settings = await surveySettingsOf(store, principal.tenantId);
    const company = await records.get('company', principal, companyId);
    const next = nextNpsDay(company.lastNpsAt, settings.npsPeriodDays, now);
    if (next) {
      throw new CrmError('conflict', 'SURVEY.NPS_TOO_SOON', `${company.name} was sent NPS on ${company.lastNpsAt?.slice(0, 10)}: it can be sent again from ${next}.`, { nextDay: next, periodDays: settings.npsPeriodDays });
    }
    const { items: contacts } = await listUpTo(store, 'contact', principal.tenantId, { linkedTo: { kind: 'company', id: company.id } }, MAX_COMPANY_CONTACTS);
    const result: NpsSurveyResult = { queued: [], skipped: [] };
    for (const contact of contacts) {
      const reason = contact.emails.length === 0 ? 'noEmail' : contact.doNotSurvey ? 'doNotSurvey' : !maySurvey(contact, settings.contactPeriodDays, now) ? 'recentlySurveyed' : null;
      if (reason) {
        result.skipped.push({ contactId: contact.id, reason });
        continue;
      }
      await queueNpsSurvey(store, principal.tenantId, { contactId: contact.id, companyId: company.id, ownerId: company.ownerId, runAt: now }, this.deps.now());
      result.queued.push(contact.id);
    }
    if (result.queued.length > 0) {
      await retryOnStale(async () => {
        const current = await records.get('company', principal, companyId);
        if (!current.lastNpsAt || current.lastNpsAt < now) await records.writer.change('company', principal, current, { lastNpsAt: now }, { origin: 'system' });
      });
    }
    return result;
  }
}

/** A survey as members read it: without its public key, which is the customer's alone. */
function viewOf(survey: Survey): SurveyView {
  const { publicKey: _publicKey, ...view } = survey;
  return view;
}
