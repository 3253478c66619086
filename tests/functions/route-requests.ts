import { apiOf, crudKinds, defaultPipeline, formKeyOf, kinds, type ApiDefinition, type ApiRoute, type CrudKind } from '@rapport/shared';
import { RecordWriter } from '../../functions/src/services/record-writer';
import { issuePublicKey } from '../../functions/src/services/public-links';
import { create, TENANT_A, type CallOptions, type TestApp } from './test-app';

/** Text every record of the victim tenant carries, so a leak of any of them is seen in a response. */
export const VICTIM_MARKER = 'VICTIM-A-SECRET';

/** A small PDF whose text carries the marker, so a leak of a document's bytes is seen too. */
const DOCUMENT_BYTES = Buffer.from(`%PDF-1.4\n% ${VICTIM_MARKER}\n%%EOF\n`);

// Each kind's own examples (its definition), with the marker in their names.
const validInput = (kind: CrudKind, n: number) => apiOf(kind).example.input(VICTIM_MARKER, n);
const validPatch = (kind: CrudKind) => apiOf(kind).example.patch;
const writtenByAdmins = (kind: CrudKind) => (apiOf(kind) as ApiDefinition).write !== undefined;

const kindOfPath = (path: string): CrudKind | null => crudKinds.find((kind) => path.startsWith(`/api/${kinds[kind].plural}/`) || path === `/api/${kinds[kind].plural}`) ?? null;

/**
 * Builds a valid request for every route of the contract, against fresh records of tenant A owned by
 * `ownerToken`'s user: what a legitimate caller would send. Attack and permission suites then vary
 * only the token.
 */
export class RouteRequests {
  private counter = 0;
  constructor(
    private readonly t: TestApp,
    private readonly ownerToken: string,
    private readonly adminToken: string,
  ) {}

  /**
   * A request for the route; `variant` picks the team calendar for list-appointments, the admins' report for report.
   * `caller`: the token that will send it, for routes about the caller themselves (their own never-log list's and
   * preferences' version).
   */
  async for(route: ApiRoute, variant?: 'team' | 'data-quality', caller: string = this.ownerToken): Promise<CallOptions> {
    const name = route.name;
    const kind = kindOfPath(route.path);
    if (name === 'lookup') return { body: { emails: ['someone-1@example.com', 'anyone@example.com'] } };
    if (name === 'send-check') return { body: { to: ['someone-1@example.com'], cc: ['anyone@example.com'] } };
    if (name === 'search') return { query: { q: 'Doe' } };
    if (name === 'search-articles') return { query: { q: 'printer toner' } };
    if (name === 'suggest-articles') return { body: { subject: 'Printer prints blank pages', text: 'Our printer stopped printing: the pages come out blank.' } };
    if (name === 'my-day') return { query: { dayStart: '2026-11-20T00:00:00Z', dayEnd: '2026-11-21T00:00:00Z' } };
    if (name === 'list-appointments') return { query: { from: '2026-11-16T00:00:00Z', to: '2026-11-23T00:00:00Z', ...(variant ? { scope: variant } : {}) } };
    if (name === 'report') return { params: { report: variant ?? 'pipeline' }, query: { from: '2026-01', to: '2026-12' } };
    if (name === 'reports') return { query: { names: 'pipeline,data-quality', from: '2026-01', to: '2026-12' } };
    if (name === 'create-member') return { body: { id: `new-member-${++this.counter}`, displayName: `${VICTIM_MARKER} Member` } };
    if (name === 'update-member' || name === 'member-history') {
      const member = await this.member();
      return name === 'update-member'
        ? { params: { id: member.id }, body: { team: 'North' }, headers: { 'if-match': `"${member.version}"` } }
        : { params: { id: member.id } };
    }
    if (name === 'update-my-never-log') {
      const current = await this.t.call('get-my-never-log', { token: caller });
      return { body: { entries: ['@gmail.com'] }, headers: { 'if-match': `"${current.body.version}"` } };
    }
    if (name === 'update-my-preferences') {
      const current = await this.t.call('get-my-preferences', { token: caller });
      return { body: { dailyDigest: true, timeZone: 'Europe/Madrid' }, headers: { 'if-match': `"${current.body.version}"` } };
    }
    if (name === 'detected-preferences') return { body: { timeZone: 'Romance Standard Time', displayLanguage: 'es-ES' } };
    if (name === 'update-pipeline') {
      const current = await this.t.call('get-pipeline', { token: this.adminToken });
      return { body: { stages: defaultPipeline.stages }, headers: { 'if-match': `"${current.body.version}"` } };
    }
    if (name === 'update-settings') {
      const current = await this.t.call('get-settings', { token: this.adminToken });
      return { body: { reportingCurrency: 'EUR', exchangeRates: [{ currency: 'USD', month: '2026-01', rate: '0.9' }] }, headers: { 'if-match': `"${current.body.version}"` } };
    }
    if (name === 'update-goal-bands') {
      const current = await this.t.call('get-settings', { token: this.adminToken });
      return { body: { warningBelow: 60, successFrom: 100 }, headers: { 'if-match': `"${current.body.version}"` } };
    }
    if (name === 'convert-lead') {
      const lead = await this.record('lead');
      return { params: { id: lead.id }, body: {}, headers: { 'if-match': `"${lead.version}"` } };
    }
    if (name === 'follow-thread') {
      const n = ++this.counter;
      const email = await create(this.t, 'activity', { kind: 'email', subject: `${VICTIM_MARKER} Thread`, at: '2026-11-02T09:00:00.000Z', internetMessageId: `<thread-${n}@victim-a.example>`, conversationId: `AAQkVictim${n}=` }, this.ownerToken);
      return { body: { activityId: email.id } };
    }
    if (name === 'merge-contacts') {
      const survivor = await this.record('contact');
      const duplicate = await this.record('contact');
      return { params: { id: survivor.id }, body: { duplicateId: duplicate.id }, headers: { 'if-match': `"${survivor.version}"` } };
    }
    if (name === 'submit-web-form') {
      const form = (await this.record('form')) as unknown as { id: string; tenantId: string; publicKey?: string };
      return { params: { formKey: formKeyOf(form) }, body: { lastName: `${VICTIM_MARKER} Visitor`, email: `visitor-${++this.counter}@victim-a.example` } };
    }
    if (name === 'import-leads' || name === 'import-contacts') {
      const n = ++this.counter;
      return { body: { importId: `import-test-${n}`, rows: [{ line: 2, values: { lastName: `${VICTIM_MARKER} Imported`, email: `imported-${n}@victim-a.example` } }] } };
    }
    if (name === 'set-goals') {
      const n = ++this.counter;
      return { body: { goals: [{ scope: 'tenant', metric: 'wonDeals', period: 'month', start: `${2100 + n}-01`, target: 3 }] } };
    }
    if (name === 'send-quote') return { params: { id: (await this.record('quote')).id }, body: {} };
    if (name === 'quote-pdf') return { params: { id: (await this.record('quote')).id } };
    if (name === 'quote-page-script') return {};
    if (name === 'public-quote-page' || name === 'public-quote-pdf' || name === 'quote-opened') return { params: { key: await this.sentQuoteKey() } };
    if (name === 'accept-quote') return { params: { key: await this.sentQuoteKey() }, body: { name: `${VICTIM_MARKER} Buyer`, acceptTerms: true } };
    if (name === 'decline-quote') return { params: { key: await this.sentQuoteKey() }, body: { reason: `${VICTIM_MARKER} reason` } };
    if (name === 'case-draft-article') return { params: { id: (await this.record('case')).id }, body: { reply: `${VICTIM_MARKER} reply` } };
    if (name === 'public-article-page') return { params: { key: await this.publicArticleKey() }, headers: { accept: 'text/html' } };
    if (name === 'follow-tracked-link') {
      const link = (await this.record('link')) as unknown as { code: string };
      return { params: { code: link.code }, headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0 Safari/537.36' } };
    }
    if (name === 'public-survey-page' || name === 'survey-opt-out') return { params: { key: (await this.sentSurvey()).publicKey }, ...(name === 'survey-opt-out' ? { body: {} } : {}) };
    if (name === 'answer-survey') return { params: { key: (await this.sentSurvey()).publicKey }, body: { score: 4, comment: `${VICTIM_MARKER} comment` } };
    if (name === 'get-survey') return { params: { id: (await this.sentSurvey()).id } };
    if (name === 'list-surveys') return { query: { contactId: (await this.sentSurvey()).contactId } };
    if (name === 'send-nps-survey') return { body: { companyId: (await this.record('company')).id } };
    if (name === 'contract-renewal-quote') return { params: { id: (await this.record('contract')).id }, body: {} };
    if (name === 'pending-expenses') return {};
    if (name === 'deal-margin') return { params: { id: (await this.record('deal')).id } };
    if (name === 'deal-tips') return { params: { id: (await this.record('deal')).id } };
    if (name === 'tips-board') return { query: { order: 'upvotes' } };
    if (name === 'apply-activity-plan') {
      const plan = await this.record('activityPlan');
      const contact = await this.record('contact');
      return { params: { id: plan.id }, body: { target: { type: 'record', kind: 'contact', id: contact.id }, start: '2026-11-20' } };
    }
    if (name === 'approve-commission-statement') {
      // A rep of the caller's, paid by a plan, for a period of their own: nothing won, so the total is 0.
      const n = ++this.counter;
      const callerId = (JSON.parse(Buffer.from(caller.split('.')[1] ?? '', 'base64url').toString()) as { oid: string }).oid;
      await this.t.call('get-me', { token: caller });
      const member = await this.t.call('create-member', { token: this.adminToken, body: { id: `paid-rep-${n}`, displayName: `${VICTIM_MARKER} Rep`, managerId: callerId } });
      const plan = await this.t.call('create-commissionPlan', { token: this.adminToken, body: { name: `${VICTIM_MARKER} plan`, memberIds: [member.body.id], period: 'month', from: '2026-01', tiers: [{ fromPercent: 0, rate: 5 }] } });
      if (plan.status !== 201) throw new Error(`could not set a commission plan: ${plan.status}`);
      return { body: { memberId: member.body.id, period: 'month', start: `${2100 + n}-01`, totalMinor: 0 } };
    }
    if (name === 'deal-commission') return { params: { id: (await this.record('deal')).id } };
    if (name === 'goal-attainment') return { query: { period: 'month', day: '2026-11-20', ...(variant === 'team' ? { view: 'team' } : {}) } };
    if (name === 'upload-document') {
      const contact = await this.record('contact');
      return { query: { recordKind: 'contact', recordId: contact.id, name: `${VICTIM_MARKER} offer.pdf` }, bytes: DOCUMENT_BYTES };
    }
    if (name === 'list-documents') {
      const document = await this.document();
      return { query: { recordKind: 'contact', recordId: document.contactIds[0]! } };
    }
    if (name === 'get-document' || name === 'document-content' || name === 'delete-document' || name === 'restore-document') {
      const document = await this.document();
      if (name === 'delete-document') return { params: { id: document.id }, headers: { 'if-match': `"${document.version}"` } };
      if (name === 'restore-document') {
        const deleted = await this.t.call('delete-document', { token: this.ownerToken, params: { id: document.id }, headers: { 'if-match': `"${document.version}"` } });
        if (deleted.status !== 204) throw new Error(`could not delete a document to restore: ${deleted.status}`);
        return { params: { id: document.id }, headers: { 'if-match': `"${document.version + 1}"` } };
      }
      return { params: { id: document.id } };
    }
    if (!kind) return {};
    if (name.startsWith('list-')) return {};
    if (name.startsWith('create-')) return { body: await this.inputFor(kind) };
    if (name.startsWith('restore-')) {
      const record = await this.record(kind);
      const owner = writtenByAdmins(kind) ? this.adminToken : this.ownerToken;
      const deleted = await this.t.call(`delete-${kind}`, { token: owner, params: { id: record.id }, headers: { 'if-match': `"${record.version}"` } });
      if (deleted.status !== 204) throw new Error(`could not delete a ${kind} to restore: ${deleted.status}`);
      return { params: { id: record.id }, headers: { 'if-match': `"${record.version + 1}"` } };
    }
    const record = await this.record(kind);
    // A case is answered with an article of its tenant (the example names none).
    if (name === 'answered-case') return { params: { id: record.id }, body: { articleId: (await this.record('article')).id } };
    const action = Object.entries((apiOf(kind) as ApiDefinition).actions ?? {}).find(([actionName]) => name === `${actionName}-${kind}`);
    if (action) return { params: { id: record.id }, body: action[1].example };
    if (name.endsWith('-work')) return { params: { id: record.id }, query: { dayStart: '2026-11-20T00:00:00Z', dayEnd: '2026-11-21T00:00:00Z' } };
    if (name.startsWith('update-')) return { params: { id: record.id }, body: validPatch(kind), headers: { 'if-match': `"${record.version}"` } };
    if (name.startsWith('delete-')) return { params: { id: record.id }, headers: { 'if-match': `"${record.version}"` } };
    return { params: { id: record.id } };
  }

  /** A fresh record of tenant A, owned by the owner (catalog records, which only admins write, by the admin). */
  async record(kind: CrudKind): Promise<{ id: string; version: number }> {
    const owner = writtenByAdmins(kind) ? this.adminToken : this.ownerToken;
    return create(this.t, kind, await this.inputFor(kind), owner);
  }

  /**
   * The kind's example; an expense's is for a fresh company of the owner's (an expense is always for a deal or a
   * company), a quote's for a fresh deal of theirs, with a line so that it can be sent; an order's is made from a fresh
   * quote of theirs, sent (one order per quote), a contract's is with a fresh company, and a tracked link's for a fresh
   * campaign.
   */
  private async inputFor(kind: CrudKind): Promise<Record<string, unknown>> {
    const input = validInput(kind, ++this.counter);
    if (kind === 'expense') return { ...input, companyId: (await this.record('company')).id };
    if (kind === 'quote') return { ...input, dealId: (await this.record('deal')).id, lines: [{ name: `${VICTIM_MARKER} line`, quantity: 1, unitPrice: 100 }] };
    if (kind === 'order') return { ...input, quoteId: (await this.sentQuote()).id };
    if (kind === 'contract') return { ...input, companyId: (await this.record('company')).id };
    if (kind === 'link') return { ...input, campaignId: (await this.record('campaign')).id };
    return input;
  }

  /** The public key of a quote of tenant A, sent by the owner. */
  async sentQuoteKey(): Promise<string> {
    return (await this.sentQuote()).publicKey;
  }

  /** The key of a published public article of tenant A (written by the admin: articles are written by admins and editors). */
  async publicArticleKey(): Promise<string> {
    const article = await create(this.t, 'article', { ...validInput('article', ++this.counter), status: 'published', visibility: 'public' }, this.adminToken);
    return (article as unknown as { publicKey: string }).publicKey;
  }

  /** A quote of tenant A, sent by the owner. */
  private async sentQuote(): Promise<{ id: string; publicKey: string }> {
    const quote = await this.record('quote');
    const sent = await this.t.call('send-quote', { token: this.ownerToken, params: { id: quote.id }, body: {} });
    if (sent.status !== 200) throw new Error(`could not send a quote: ${sent.status}`);
    return sent.body;
  }

  /**
   * A satisfaction survey of tenant A sent to a fresh contact of the owner's, with its public key: made as the surveys
   * job makes it (through the writer, its key through the public links), without a mailbox to send it from.
   */
  async sentSurvey(options: { tenantId?: string; expiresAt?: Date } = {}): Promise<{ id: string; publicKey: string; contactId: string }> {
    const contact = (await this.record('contact')) as unknown as { id: string; ownerId: string; tenantId: string };
    const now = new Date();
    const tenantId = options.tenantId ?? contact.tenantId ?? TENANT_A;
    const id = `survey-${++this.counter}-${now.getTime()}`;
    const expiresAt = (options.expiresAt ?? new Date(now.getTime() + 14 * 86_400_000)).toISOString();
    const publicKey = await issuePublicKey(this.t.app.store, { tenantId, kind: 'survey', id, expiresAt }, now.toISOString());
    const writer = new RecordWriter({ store: this.t.app.store, now: () => new Date() });
    const fields = { type: 'csat', status: 'sent', contactId: contact.id, language: 'en', email: 'victim@victim-a.example', publicKey, expiresAt, sentAt: now.toISOString() } as const;
    await writer.add('survey', { tenantId, userId: contact.ownerId }, fields, { id, ownerId: contact.ownerId, origin: 'system' });
    return { id, publicKey, contactId: contact.id };
  }

  /** A document of tenant A, added by the owner to a fresh contact of theirs. */
  private async document(): Promise<{ id: string; version: number; contactIds: string[] }> {
    const contact = await this.record('contact');
    const query = { recordKind: 'contact', recordId: contact.id, name: `${VICTIM_MARKER} offer.pdf` };
    const uploaded = await this.t.call('upload-document', { token: this.ownerToken, query, bytes: DOCUMENT_BYTES });
    if (uploaded.status !== 201) throw new Error(`could not add a document: ${uploaded.status}`);
    return uploaded.body;
  }

  private async member(): Promise<{ id: string; version: number }> {
    const created = await this.t.call('create-member', { token: this.adminToken, body: { id: `member-${++this.counter}`, displayName: `${VICTIM_MARKER} Member` } });
    if (created.status !== 201) throw new Error(`could not add a member: ${created.status}`);
    return created.body;
  }
}

export const VICTIM_TENANT = TENANT_A;
