import type {
  Activity,
  ActivityInput,
  ActivityPatch,
  AppointmentsResponse,
  AuditEntry,
  Case,
  CaseInput,
  CasePatch,
  Contact,
  ContactInput,
  ContactPatch,
  Deal,
  DealPatch,
  ErrorBody,
  ImportBatch,
  ImportBatchResult,
  Lead,
  LeadInput,
  LeadPatch,
  LookupResponse,
  Me,
  Member,
  MyDayResponse,
  Page,
  PipelineSettings,
  PipelineStage,
  TenantSettings,
  TenantSettingsPatch,
  Product,
  PurchasesResponse,
  ReportName,
  ReportResponse,
  LeadConversion,
  LeadConversionResult,
  SearchResponse,
  Territory,
  WebForm,
  WorkCounters,
} from '@rapport/shared';

/** A failed API call, with the API's stable code and the message meant for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** With 429 and 503: when to try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type LookupParams = { emails: string[]; internetMessageId?: string; iCalUId?: string; timelineLimit?: number };
export type TimelineOwner = 'contact' | 'company' | 'deal' | 'case' | 'lead';
export type HistoryOwner = TimelineOwner;

const plural: Record<TimelineOwner, string> = { contact: 'contacts', company: 'companies', deal: 'deals', case: 'cases', lead: 'leads' };

export type ApiClient = ReturnType<typeof createApiClient>;

/** The typed client of Rapport's API; every call carries a fresh bearer token. */
export function createApiClient(options: { baseUrl: string; getToken: () => Promise<string>; fetch?: typeof fetch }) {
  const send = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
    const doFetch = options.fetch ?? fetch;
    const response = await doFetch(`${options.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await options.getToken()}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      const error = (parsed as ErrorBody | undefined)?.error;
      const retryAfter = Number(response.headers.get('retry-after'));
      throw new ApiError(
        response.status,
        error?.code ?? 'HTTP.' + response.status,
        error?.message ?? response.statusText,
        error?.details,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      );
    }
    return parsed as T;
  };
  const idempotent = (key: string) => ({ 'idempotency-key': key });

  return {
    /** Where the API is (the web-form snippet posts there). */
    baseUrl: options.baseUrl,
    me: () => send<Me>('GET', '/api/me'),
    /** Admins: the tenant's web forms, and making or changing one (`revoked: true` switches it off). */
    webForms: () => send<Page<WebForm>>('GET', '/api/forms?limit=100'),
    createWebForm: (input: { name: string; campaign?: string; thankYouUrl?: string }, key: string) => send<WebForm>('POST', '/api/forms', input, idempotent(key)),
    updateWebForm: (id: string, patch: { revoked?: boolean; campaign?: string | null; thankYouUrl?: string | null }, version: number) =>
      send<WebForm>('PATCH', `/api/forms/${encodeURIComponent(id)}`, patch, { 'if-match': `"${version}"` }),
    members: () => send<Page<Member>>('GET', '/api/members?limit=100'),
    pipeline: () => send<PipelineSettings>('GET', '/api/pipeline'),
    /** Admins: the stages in order, if the pipeline is still at `version` (0: never changed). */
    updatePipeline: (stages: PipelineStage[], version: number) => send<PipelineSettings>('PATCH', '/api/pipeline', { stages }, { 'if-match': `"${version}"` }),
    /** The tenant's reporting currency and exchange rates; admins change them if they are still at `version` (0: never changed). */
    settings: () => send<TenantSettings>('GET', '/api/settings'),
    updateSettings: (patch: TenantSettingsPatch, version: number) => send<TenantSettings>('PATCH', '/api/settings', patch, { 'if-match': `"${version}"` }),
    /** Admins: the product catalog and the territories. */
    createProduct: (input: { name: string; series?: string; unitPrice: number; currency: string }, key: string) => send<Product>('POST', '/api/products', input, idempotent(key)),
    updateProduct: (id: string, patch: { unitPrice?: number; active?: boolean }, version: number) =>
      send<Product>('PATCH', `/api/products/${encodeURIComponent(id)}`, patch, { 'if-match': `"${version}"` }),
    territories: () => send<Page<Territory>>('GET', '/api/territories?limit=100'),
    createTerritory: (input: Pick<Territory, 'name' | 'countries' | 'regions' | 'cities' | 'postalCodePrefixes' | 'repIds'>, key: string) =>
      send<Territory>('POST', '/api/territories', input, idempotent(key)),
    deleteTerritory: (id: string, version: number) => send<void>('DELETE', `/api/territories/${encodeURIComponent(id)}`, undefined, { 'if-match': `"${version}"` }),
    /** The product catalog (the first 100 products). */
    products: () => send<Page<Product>>('GET', '/api/products?limit=100'),
    /** Changes a deal if it is still at `version`: its line items, stage, or closing it with a reason. */
    updateDeal: (id: string, patch: DealPatch, version: number) => send<Deal>('PATCH', `/api/deals/${encodeURIComponent(id)}`, patch, { 'if-match': `"${version}"` }),
    /** Converts a lead still at `version` into its contact, company and (optionally) a deal. */
    convertLead: (id: string, body: LeadConversion, version: number) =>
      send<LeadConversionResult>('POST', `/api/leads/${encodeURIComponent(id)}/convert`, body, { 'if-match': `"${version}"` }),
    /** Managers: a batch of a CSV file's rows, mapped to fields; sending it again creates nothing twice. */
    importRows: (kind: 'lead' | 'contact', batch: ImportBatch) => send<ImportBatchResult>('POST', `/api/imports/${kind === 'lead' ? 'leads' : 'contacts'}`, batch),
    /** A report as a table; empty filters are left out. */
    report: (name: ReportName, filters: Record<string, string | undefined>) => {
      const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
      return send<ReportResponse>('GET', `/api/reports/${encodeURIComponent(name)}?${query.toString()}`);
    },
    purchases: (companyId: string) => send<PurchasesResponse>('GET', `/api/companies/${encodeURIComponent(companyId)}/purchases`),
    /** Admins: a member's role, access, team, office or manager, if the member is still at `version`. */
    updateMember: (
      id: string,
      patch: { role?: Member['role']; deactivated?: boolean; team?: string | null; office?: string | null; managerId?: string | null },
      version: number,
    ) =>
      send<Member>('PATCH', `/api/members/${encodeURIComponent(id)}`, patch, { 'if-match': `"${version}"` }),
    /** Who changed what in a record, newest first. */
    history: (owner: HistoryOwner, id: string, cursor?: string) =>
      send<Page<AuditEntry>>('GET', `/api/${plural[owner]}/${encodeURIComponent(id)}/history?limit=20${cursor ? `&cursor=${cursor}` : ''}`),
    lookup: (params: LookupParams) => send<LookupResponse>('POST', '/api/lookup', params),
    search: (q: string) => send<SearchResponse>('GET', `/api/search?q=${encodeURIComponent(q)}&limit=20`),
    timeline: (owner: TimelineOwner, id: string, cursor?: string) =>
      send<Page<Activity>>('GET', `/api/${plural[owner]}/${encodeURIComponent(id)}/timeline?limit=20${cursor ? `&cursor=${cursor}` : ''}`),
    /** Counters of a record's planned work: overdue, due in the caller's day (its bounds), later. */
    work: (owner: TimelineOwner, id: string, dayStart: string, dayEnd: string) =>
      send<WorkCounters>('GET', `/api/${plural[owner]}/${encodeURIComponent(id)}/work?dayStart=${encodeURIComponent(dayStart)}&dayEnd=${encodeURIComponent(dayEnd)}`),
    appointments: (from: string, to: string, scope: 'mine' | 'team') =>
      send<AppointmentsResponse>('GET', `/api/appointments?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&scope=${scope}`),
    myDay: (dayStart: string, dayEnd: string) =>
      send<MyDayResponse>('GET', `/api/my-day?dayStart=${encodeURIComponent(dayStart)}&dayEnd=${encodeURIComponent(dayEnd)}`),
    /** Refused with 409 CONTACT.DUPLICATE_EMAIL (the existing contacts in `details.existing`) unless `allowDuplicate`. */
    createContact: (input: ContactInput, key: string, options: { allowDuplicate?: boolean } = {}) =>
      send<Contact>('POST', `/api/contacts${options.allowDuplicate ? '?duplicates=allow' : ''}`, input, idempotent(key)),
    /** A contact's or company's cases, open and closed, newest first. */
    casesOf: (owner: 'contact' | 'company', id: string) => send<Page<Case>>('GET', `/api/cases?${owner}Id=${encodeURIComponent(id)}&limit=50`),
    /** Changes a case if it is still at `version`: its status (along the flow) or tracking number. */
    updateCase: (id: string, patch: CasePatch, version: number) => send<Case>('PATCH', `/api/cases/${encodeURIComponent(id)}`, patch, { 'if-match': `"${version}"` }),
    createCase: (input: CaseInput, key: string) => send<Case>('POST', '/api/cases', input, idempotent(key)),
    /** Changes a lead if it is still at `version`: its status or owner. */
    updateLead: (id: string, patch: LeadPatch, version: number) => send<Lead>('PATCH', `/api/leads/${encodeURIComponent(id)}`, patch, { 'if-match': `"${version}"` }),
    createLead: (input: LeadInput, key: string) => send<Lead>('POST', '/api/leads', input, idempotent(key)),
    createActivity: (input: ActivityInput, key: string) => send<Activity>('POST', '/api/activities', input, idempotent(key)),
    /** Changes a contact if it is still at `version` (a 412 ApiError says someone changed it first). */
    updateContact: (id: string, patch: ContactPatch, version: number) =>
      send<Contact>('PATCH', `/api/contacts/${encodeURIComponent(id)}`, patch, { 'if-match': `"${version}"` }),
    /** Changes an activity if it is still at `version`; a 412 ApiError says someone changed it first. */
    updateActivity: (id: string, patch: ActivityPatch, version: number) =>
      send<Activity>('PATCH', `/api/activities/${encodeURIComponent(id)}`, patch, { 'if-match': `"${version}"` }),
  };
}
