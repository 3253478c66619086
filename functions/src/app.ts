import path from 'node:path';
import type { JWTVerifyGetKey } from 'jose';
import { ConfigError, type Config } from './config';
import { openIdKeys } from './auth/openid-keys';
import { MemberDirectory } from './auth/member-directory';
import { PublicPageLimits, WriteLimits } from './http/rate-limit';
import { PublicQuotesService } from './quotes/public-quotes.service';
import { quotePageAssets, quoteRenderer } from './quotes/quote-rendering';
import { QuotesService } from './quotes/quotes.service';
import { publicQuoteRouteBindings } from './routes/public-quotes.routes';
import { quoteRouteBindings } from './routes/quotes.routes';
import { PublicLinks } from './services/public-links';
import { PublicAddress } from './http/public-address';
import { surveyRouteBindings } from './routes/surveys.routes';
import { publicSurveyRouteBindings } from './routes/public-surveys.routes';
import { SurveysService } from './surveys/surveys.service';
import { PublicSurveysService } from './surveys/public-surveys.service';
import { createTokenVerifier, type TokenVerifierOptions } from './auth/token-verifier';
import type { BindDependencies, RouteBinding } from './http/bind-route';
import { appointmentsRouteBindings } from './routes/appointments.routes';
import { lookupRouteBindings } from './routes/lookup.routes';
import { sendCheckRouteBindings } from './routes/send-check.routes';
import { myDayRouteBindings } from './routes/my-day.routes';
import { settingsRouteBindings } from './routes/settings.routes';
import { pipelineRouteBindings } from './routes/pipeline.routes';
import { membersRouteBindings } from './routes/members.routes';
import { neverLogRouteBindings } from './routes/never-log.routes';
import { MembersService } from './services/members.service';
import { NeverLogService } from './services/never-log.service';
import { TenantSettingsService } from './services/tenant-settings.service';
import { PipelineService } from './services/pipeline.service';
import { PurchasesService } from './services/purchases.service';
import { LeadConversionService } from './services/lead-conversion.service';
import { leadRouteBindings } from './routes/leads.routes';
import { contactRouteBindings } from './routes/contacts.routes';
import { ContactMergeService } from './services/contact-merge.service';
import { recordRouteBindings } from './routes/records.routes';
import { searchRouteBindings } from './routes/search.routes';
import { knowledgeRouteBindings } from './routes/knowledge.routes';
import { KnowledgeService } from './knowledge/knowledge.service';
import { CaseArticleService } from './knowledge/case-article.service';
import { PublicArticlesService } from './knowledge/public-articles.service';
import { publicArticleRouteBindings } from './routes/public-articles.routes';
import { serviceRouteBindings } from './routes/service.routes';
import { AppointmentsService } from './services/appointments.service';
import { LookupService } from './services/lookup.service';
import { SendCheckService } from './services/send-check.service';
import { MyDayService } from './services/my-day.service';
import { ReportsService } from './services/reports.service';
import { reportRouteBindings } from './routes/reports.routes';
import { RecordService, type Clock } from './services/records.service';
import { SearchService } from './services/search.service';
import { createCosmosClient, initializeCosmos } from './store/cosmos/cosmos-client';
import { CosmosStore } from './store/cosmos/cosmos-store';
import { importRouteBindings } from './routes/imports.routes';
import { CsvImportService } from './services/csv-import.service';
import { WebFormService } from './services/web-form.service';
import { webFormRouteBindings } from './routes/web-forms.routes';
import type { Store } from './store/store';
import type { Job } from './jobs/job';
import { JobRunner } from './jobs/job-runner';
import { appJobs } from './jobs/jobs';
import type { AppGraph } from './graph/app-graph';
import { MailLogService } from './mail/mail-log.service';
import { MailAttachments } from './mail/mail-attachments.service';
import type { NeverLogLists } from './mail/never-log';
import { SentMailCaptures } from './mail/sent-mail-captures';
import { ThreadFollowService } from './mail/thread-follow.service';
import { threadRouteBindings } from './routes/threads.routes';
import { federatedAppTokens } from './graph/app-tokens';
import { GRAPH_BASE_URL, createGraphAppClient } from './graph/graph-app-client';
import { DefaultAzureCredential } from '@azure/identity';
import type { FileStore } from './files/file-store';
import { directoryFileStore } from './files/directory-file-store';
import { blobFileStore } from './files/blob-file-store';
import { DocumentService } from './documents/documents.service';
import { documentRouteBindings } from './routes/documents.routes';
import { goalRouteBindings } from './routes/goals.routes';
import { memberPreferencesRouteBindings } from './routes/member-preferences.routes';
import { MemberPreferencesService } from './services/member-preferences.service';
import { DigestContentReader } from './digest/daily-digest.content';
import { expenseRouteBindings } from './routes/expenses.routes';
import { tipRouteBindings } from './routes/tips.routes';
import { TipsService } from './services/tips.service';
import { ExpensesService } from './services/expenses.service';
import { commissionRouteBindings } from './routes/commissions.routes';
import { CommissionService } from './commissions/commission.service';
import { AttainmentService } from './goals/attainment.service';
import { GoalBatchService } from './goals/goal-batch.service';
import { activityPlanRouteBindings } from './routes/activity-plans.routes';
import { ApplyPlanService } from './activity-plans/apply-plan.service';
import { contractRouteBindings } from './routes/contracts.routes';
import { RenewalQuoteService } from './contracts/renewal-quote.service';
import { ClickCounter } from './campaigns/click-counter';
import { RecentClicks } from './campaigns/click-rules';
import { TrackedLinksService } from './campaigns/tracked-links.service';
import { trackedLinkRouteBindings } from './routes/tracked-links.routes';

export type App = {
  config: Config;
  store: Store;
  routes: RouteBinding[];
  /** The work that runs without a request: Azure's timers, the standalone host's scheduler and /dev/jobs run it. */
  jobs: JobRunner;
  /**
   * Microsoft Graph as the application, for jobs that touch members' mailboxes. Null when there is none: local mode
   * without the Graph stand-in (most API tests), or Entra mode without an app registration.
   */
  graph: AppGraph | null;
  /** Services that work without a request (jobs, checks) share with the routes. */
  services: AppServices;
  /** Where customers reach the public pages: links in e-mails the jobs send (the standalone host fills it in locally). */
  publicAddress: PublicAddress;
  close(): Promise<void>;
};

/** The services built once per app that more than the routes use: pass them on to jobs and other services. */
export type AppServices = {
  /** Whom a rep's mail is never logged with (the tenant's list and theirs), and which domains may tie mail to a company. */
  neverLog: NeverLogService;
  /** Files kept with records: uploads, and logged e-mails' attachments. */
  documents: DocumentService;
};

/**
 * What only local mode has. The standalone host builds it from functions/src/local/ and hands it in, so the
 * Azure entry, which never does, cannot reach the local issuer, /dev/token or the in-process Cosmos server.
 */
export type LocalKit = {
  /** The local issuer's name and keys: its tokens are checked by the same verifier as Entra ID's. */
  tokens: { issuer: string; keys: JWTVerifyGetKey };
  /** Routes beside the contract that only local mode serves (POST /dev/token, POST /dev/jobs/{name}/run). */
  routes(deps: BindDependencies, jobs: JobRunner): RouteBinding[];
  /** A Cosmos-compatible server in this process, for STORE=cosmos without an endpoint. */
  startCosmos(): Promise<LocalCosmosServer>;
};

export type LocalCosmosServer = { endpoint: string; key: string; stop(): Promise<void> };

// Personal Microsoft accounts sign in under this tenant id; Rapport is for work accounts.
const PERSONAL_ACCOUNTS_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';

export type AppOverrides = {
  store?: Store;
  now?: Clock;
  /** Local mode: required, given by the standalone host. */
  local?: LocalKit;
  /** Entra mode: signing keys from somewhere other than Microsoft's metadata (tests). */
  keys?: JWTVerifyGetKey;
  /** The jobs to run instead of the app's own (tests). */
  jobs?: readonly Job[];
  /** Graph as the application: local mode's client of the stand-in, or one a test builds. Entra mode builds its own. */
  graph?: AppGraph;
  /** Never-log lists to use instead of the stored ones (tests of other things). */
  neverLog?: NeverLogLists;
  /** Where documents' bytes go instead of the configured place (tests: a temporary directory, Azurite). */
  files?: FileStore;
};

/** Builds the API from checked configuration: one store, one token verifier, the services and the route table. */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const { local } = overrides;
  // Without the kit there is no local issuer to fall back to: local mode is the standalone host's alone.
  if (config.authMode === 'local' && !local) throw new ConfigError('AUTH_MODE=local runs in the standalone host only (npm start); this host needs AUTH_MODE=entra.');
  const opened = overrides.store ? { store: overrides.store, stop: async () => undefined } : await openStore(config, local);
  const { store } = opened;
  const files = overrides.files ?? (await openFiles(config));
  const now = overrides.now ?? (() => new Date());

  let verifierOptions: TokenVerifierOptions;
  if (config.authMode === 'local' && local) {
    const { issuer, keys } = local.tokens;
    verifierOptions = { keys, audience: config.audience, requiredScope: config.requiredScope, issuerFor: () => issuer };
  } else {
    const allowed = config.allowedTenants ? new Set(config.allowedTenants) : null;
    const refused = (tenantId: string) => tenantId === PERSONAL_ACCOUNTS_TENANT || (allowed !== null && !allowed.has(tenantId));
    verifierOptions = {
      keys: overrides.keys ?? openIdKeys({ jwksUrl: config.jwksUrl, metadataUrl: config.openIdMetadataUrl }),
      audience: config.audience,
      requiredScope: config.requiredScope,
      // Entra issues per tenant; a tenant outside the allow-list gets an issuer no token can match.
      issuerFor: (tenantId) => (refused(tenantId) ? '(tenant not allowed)' : `https://login.microsoftonline.com/${tenantId}/v2.0`),
    };
  }
  const members = new MemberDirectory({ store, now });
  const deps: BindDependencies = {
    verifyToken: createTokenVerifier(verifierOptions),
    resolvePrincipal: (token) => members.principalFor(token),
    writeLimits: new WriteLimits(config.writeLimits),
  };

  const pipelines = new PipelineService({ store, now });
  const settings = new TenantSettingsService({ store, now });
  const records = new RecordService({ store, now });
  const limitsOf = async (tenantId: string) => (await settings.settingsOf(tenantId)).documentLimits;
  const documents = new DocumentService({ store, records, files, limitsOf });
  const publicLinks = new PublicLinks({ store, now });
  const publicAddress = new PublicAddress(config.apiPublicUrl);
  const quotes = quoteRenderer();
  const services: AppServices = { neverLog: new NeverLogService({ store, now }), documents };
  // The lists' service, unless a test hands in lists of its own.
  const neverLog = overrides.neverLog ?? services.neverLog;
  const graph = overrides.graph ?? (config.authMode === 'entra' ? azureAppGraph(config) : null);
  const attachments = graph ? new MailAttachments({ graph, documents, limitsOf }) : undefined;
  const mailLog = new MailLogService({ store, writer: records.writer, neverLog, now, ...(attachments ? { attachments } : {}) });
  const myDay = new MyDayService(store, now);
  const attainment = new AttainmentService({ store, now, settingsOf: (tenantId) => settings.settingsOf(tenantId) });
  const digests = { content: new DigestContentReader({ store, myDay, attainment, pipelineOf: (tenantId) => pipelines.pipelineOf(tenantId) }), pagesUrl: config.addinPagesUrl };
  const jobs = new JobRunner(overrides.jobs ?? appJobs({ store, writer: records.writer, graph: graph ?? undefined, mailLog, digests, links: publicLinks, publicUrl: () => publicAddress.url }), { store, now, log: (message) => console.log(message) });
  const clicks = new ClickCounter({ store, flushMs: config.clickFlushMs, log: (message, error) => console.error(message, error) });
  // A visitor opening a link again within a minute is one click (click-rules.ts).
  const trackedLinks = new TrackedLinksService({ store, links: publicLinks, clicks, recent: new RecentClicks({ windowMs: 60_000, now: () => now().getTime() }), now });
  const expenses = new ExpensesService({ store, records, now, settingsOf: (tenantId) => settings.settingsOf(tenantId) });
  const routes: RouteBinding[] = [
    ...serviceRouteBindings(deps, store.name),
    ...lookupRouteBindings(deps, new LookupService(store, now)),
    ...sendCheckRouteBindings(deps, new SendCheckService({ store, now, settingsOf: (tenantId) => settings.settingsOf(tenantId), neverLog, captures: new SentMailCaptures(store, now) })),
    ...threadRouteBindings(deps, new ThreadFollowService({ store, records, writer: records.writer, mailLog, now })),
    ...searchRouteBindings(deps, new SearchService(store, pipelines)),
    ...knowledgeRouteBindings(deps, new KnowledgeService(store), new CaseArticleService({ store, records })),
    ...myDayRouteBindings(deps, myDay),
    ...appointmentsRouteBindings(deps, new AppointmentsService(store)),
    ...pipelineRouteBindings(deps, pipelines),
    ...settingsRouteBindings(deps, settings),
    ...membersRouteBindings(deps, new MembersService({ store, now, onChange: (tenantId, userId) => members.forget(tenantId, userId) })),
    ...neverLogRouteBindings(deps, services.neverLog),
    ...memberPreferencesRouteBindings(deps, new MemberPreferencesService({ store, now })),
    ...documentRouteBindings(deps, documents),
    ...goalRouteBindings(deps, attainment, new GoalBatchService({ store, writer: records.writer })),
    ...activityPlanRouteBindings(deps, new ApplyPlanService({ store, writer: records.writer, now })),
    ...expenseRouteBindings(deps, expenses),
    ...tipRouteBindings(deps, new TipsService({ store, records })),
    ...commissionRouteBindings(
      deps,
      new CommissionService({ store, writer: records.writer, now, settingsOf: (tenantId) => settings.settingsOf(tenantId), approvedExpensesOf: (tenantId, dealId) => expenses.approvedOf(tenantId, dealId) }),
    ),
    ...quoteRouteBindings(deps, new QuotesService({ store, records, links: publicLinks, renderer: quotes, now })),
    ...publicQuoteRouteBindings(deps, new PublicQuotesService({ store, writer: records.writer, links: publicLinks, renderer: quotes, now }), new PublicPageLimits(config.publicPageLimits, 'requests for this quote'), quotePageAssets),
    ...surveyRouteBindings(deps, new SurveysService({ store, records, now })),
    ...publicSurveyRouteBindings(deps, new PublicSurveysService({ store, writer: records.writer, links: publicLinks, now }), new PublicPageLimits(config.publicPageLimits, 'requests for this survey')),
    ...publicArticleRouteBindings(deps, new PublicArticlesService({ store, links: publicLinks }), new PublicPageLimits(config.publicPageLimits, 'requests for this article')),
    ...trackedLinkRouteBindings(deps, trackedLinks, new PublicPageLimits({ perVisitor: config.trackedLinkLimits.perVisitor, perItem: config.trackedLinkLimits.perLink }, 'opens of this link')),
    ...contractRouteBindings(deps, new RenewalQuoteService({ store, records })),
    ...recordRouteBindings(deps, records, new PurchasesService(store)),
    ...leadRouteBindings(deps, new LeadConversionService({ store, records, now })),
    ...contactRouteBindings(deps, new ContactMergeService({ store, records })),
    ...importRouteBindings(deps, new CsvImportService({ store, writer: records.writer, now })),
    ...webFormRouteBindings(deps, new WebFormService({ store, records, now }), new PublicPageLimits({ perVisitor: config.webFormLimits.perVisitor, perItem: config.webFormLimits.perForm }, 'submissions of this form')),
    ...reportRouteBindings(deps, new ReportsService({ store, now, pipelineOf: (tenantId) => pipelines.pipelineOf(tenantId), settingsOf: (tenantId) => settings.settingsOf(tenantId) })),
    ...(config.authMode === 'local' && local ? local.routes(deps, jobs) : []),
  ];
  return {
    config,
    store,
    routes,
    jobs,
    graph,
    services,
    publicAddress,
    close: async () => {
      // The clicks summed in memory are written before the store closes.
      await clicks.close();
      await store.close();
      await files.close();
      await opened.stop();
    },
  };
}

/**
 * Entra mode: Graph at Microsoft with app-only tokens through the managed identity's federated credential on Rapport's
 * app registration. Nothing is fetched until a job calls.
 */
function azureAppGraph(config: Config): AppGraph | null {
  const { clientId, managedIdentityClientId } = config.graphApp;
  if (!clientId) return null;
  return createGraphAppClient({ baseUrl: GRAPH_BASE_URL, tokens: federatedAppTokens({ appClientId: clientId, managedIdentityClientId }) });
}

/** The configured file store: Blob Storage (managed identity, or a connection string), else the data directory. */
export async function openFiles(config: Config): Promise<FileStore> {
  const { blobEndpoint, connectionString, container } = config.storage;
  if (!blobEndpoint && !connectionString) return directoryFileStore(path.join(config.dataDir, 'files'));
  const { BlobServiceClient } = await import('@azure/storage-blob');
  const service = connectionString
    ? BlobServiceClient.fromConnectionString(connectionString)
    : new BlobServiceClient(blobEndpoint as string, new DefaultAzureCredential(config.cosmos.identityClientId ? { managedIdentityClientId: config.cosmos.identityClientId } : {}));
  return blobFileStore(service, container);
}

/** The configured store: the SQLite file, or Cosmos DB (local mode's in-process server when no endpoint is set). */
export async function openStore(config: Config, localKit?: Pick<LocalKit, 'startCosmos'>): Promise<{ store: Store; stop: () => Promise<void> }> {
  if (config.store === 'sqlite') {
    // Loaded only here: the Azure package (Cosmos DB only) carries no native SQLite module.
    const { SqliteStore } = await import('./store/sqlite/sqlite-store');
    return { store: SqliteStore.open(path.join(config.dataDir, 'rapport.db')), stop: async () => undefined };
  }
  if (!config.cosmos.endpoint && !localKit) throw new ConfigError('COSMOS_ENDPOINT is required when STORE=cosmos (e.g. https://<account>.documents.azure.com:443/).');
  const local = config.cosmos.endpoint || !localKit ? null : await localKit.startCosmos();
  const client = createCosmosClient({
    endpoint: local?.endpoint ?? (config.cosmos.endpoint as string),
    key: local ? local.key : config.cosmos.key,
    identityClientId: config.cosmos.identityClientId,
    database: config.cosmos.database,
    local: local !== null,
  });
  // A local server starts empty; a real account is set up once with npm run cosmos:init.
  if (local) await initializeCosmos(client, config.cosmos.database);
  return { store: CosmosStore.open(client, config.cosmos.database), stop: async () => local?.stop() };
}
