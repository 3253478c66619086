import {
  CrmError,
  DEFAULT_CONTRACT_RENEWAL_DAYS,
  DEFAULT_SERVICE_LEVEL,
  DEFAULT_REPORTING_CURRENCY,
  DEFAULT_STALE_DEAL_DAYS,
  defaultDocumentLimits,
  defaultGoalBands,
  defaultQuoteSettings,
  defaultSurveySettings,
  TENANT_SETTINGS_ID,
  invalidField,
  isValidSettings,
  normalizeDomain,
  staleVersion,
  type TenantSettings,
  type TenantSettingsPatch,
  type TenantSettingsRecord,
} from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { Store } from '../store/store';
import { RecordWriter } from './record-writer';
import { neverLogEntriesOf } from './never-log-entries';
import { saveTenantRecord } from './tenant-record';
import { replanContractRenewals } from '../contracts/contract-renewals';

const DEFAULT_SETTINGS: TenantSettings = { reportingCurrency: DEFAULT_REPORTING_CURRENCY, exchangeRates: [], ownDomains: [], staleDealDays: DEFAULT_STALE_DEAL_DAYS, neverLog: [], documentLimits: defaultDocumentLimits, goalBands: defaultGoalBands, quotes: defaultQuoteSettings, contractRenewalDays: DEFAULT_CONTRACT_RENEWAL_DAYS, serviceLevel: { ...DEFAULT_SERVICE_LEVEL }, surveys: defaultSurveySettings, version: 0 };

/**
 * The tenant's settings, one versioned and audited record: the reporting currency and its dated exchange rates, the
 * own domains, the send-time checks' days, the tenant's never-log list and its document limits.
 * Until an admin saves them, a tenant has the defaults (version 0).
 */
export class TenantSettingsService {
  private readonly writer: RecordWriter;

  constructor(private readonly deps: { store: Store; now: () => Date }) {
    this.writer = new RecordWriter(deps);
  }

  async settingsOf(tenantId: string): Promise<TenantSettings> {
    const record = await this.deps.store.get('settings', tenantId, TENANT_SETTINGS_ID);
    return record ? viewOf(record) : DEFAULT_SETTINGS;
  }

  get(principal: Principal): Promise<TenantSettings> {
    return this.settingsOf(principal.tenantId);
  }

  /** Applies a change to the version read (0 for the defaults): a stale one is refused, never merged silently. */
  async update(principal: Principal, patch: TenantSettingsPatch, expectedVersion: number): Promise<TenantSettings> {
    const { store } = this.deps;
    const record = await store.get('settings', principal.tenantId, TENANT_SETTINGS_ID);
    const current = record ? viewOf(record) : DEFAULT_SETTINGS;
    if (current.version !== expectedVersion) throw staleVersion('settings', TENANT_SETTINGS_ID, current.version, current);
    // Rates say how much of the reporting currency a unit is worth: under another reporting currency they mean
    // something else, so a new one comes with its own rates (an empty list, if need be).
    const movesCurrency = patch.reportingCurrency !== undefined && patch.reportingCurrency !== current.reportingCurrency;
    if (movesCurrency && patch.exchangeRates === undefined && current.exchangeRates.length > 0) {
      throw invalidField(
        'SETTINGS.RATES_FOR_NEW_CURRENCY',
        'exchangeRates',
        `The exchange rates are given in ${current.reportingCurrency}: send the rates in ${patch.reportingCurrency} with the new reporting currency (or an empty list).`,
      );
    }
    // Normalized before anything is kept: an entry that is neither an address nor a domain refuses the whole change.
    const neverLog = patch.neverLog !== undefined ? neverLogEntriesOf(patch.neverLog, 'neverLog') : current.neverLog;
    const next = {
      reportingCurrency: patch.reportingCurrency ?? current.reportingCurrency,
      exchangeRates: patch.exchangeRates ?? current.exchangeRates,
      ownDomains: [...new Set((patch.ownDomains ?? current.ownDomains).map((domain) => normalizeDomain(domain) ?? domain))],
      staleDealDays: patch.staleDealDays ?? current.staleDealDays,
      neverLog,
      documentLimits: patch.documentLimits ?? current.documentLimits,
      goalBands: patch.goalBands ?? current.goalBands,
      quotes: patch.quotes ?? current.quotes,
      contractRenewalDays: patch.contractRenewalDays ?? current.contractRenewalDays,
      serviceLevel: patch.serviceLevel ?? current.serviceLevel,
      surveys: patch.surveys ?? current.surveys,
    };
    // A new reporting currency with the old rates could leave a rate for the currency itself: say so, keep nothing.
    const checked = isValidSettings(next);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new CrmError('invalid', 'SETTINGS.INVALID', `The settings are not valid: ${issue?.message ?? 'check them'}.`, {
        fields: checked.error.issues.map((problem) => ({ path: problem.path.join('.'), message: problem.message })),
      });
    }
    const saved = viewOf(await saveTenantRecord(this.writer, 'settings', TENANT_SETTINGS_ID, principal, record, next, expectedVersion, viewOf));
    // Every contract's renewal reminder moves with the days: the renewals job plans them again, a page at a time.
    if (saved.contractRenewalDays !== current.contractRenewalDays) await replanContractRenewals(store, principal.tenantId, this.deps.now());
    return saved;
  }
}

function viewOf(record: TenantSettingsRecord): TenantSettings {
  return {
    reportingCurrency: record.reportingCurrency,
    exchangeRates: record.exchangeRates,
    ownDomains: record.ownDomains ?? [],
    staleDealDays: record.staleDealDays ?? DEFAULT_STALE_DEAL_DAYS,
    neverLog: record.neverLog ?? [],
    documentLimits: record.documentLimits ?? defaultDocumentLimits,
    goalBands: record.goalBands ?? defaultGoalBands,
    quotes: record.quotes ?? defaultQuoteSettings,
    contractRenewalDays: record.contractRenewalDays ?? DEFAULT_CONTRACT_RENEWAL_DAYS,
    serviceLevel: record.serviceLevel ?? { ...DEFAULT_SERVICE_LEVEL },
    surveys: record.surveys ?? defaultSurveySettings,
    version: record.version,
  };
}
