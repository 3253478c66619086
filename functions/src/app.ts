import path from 'node:path';
import type { JWTVerifyGetKey } from 'jose';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, type Config } from './config';
import { openIdKeys } from './auth/openid-keys';
import { MemberDirectory } from './auth/member-directory';
import { WebFormLimits, WriteLimits } from './http/rate-limit';
import { LocalIssuer } from './auth/local-issuer';
import { createTokenVerifier, type TokenVerifierOptions } from './auth/token-verifier';
import type { BindDependencies, RouteBinding } from './http/bind-route';
import { devTokenRouteBindings } from './routes/dev-token.routes';
import { appointmentsRouteBindings } from './routes/appointments.routes';
import { lookupRouteBindings } from './routes/lookup.routes';
import { myDayRouteBindings } from './routes/my-day.routes';
import { settingsRouteBindings } from './routes/settings.routes';
import { pipelineRouteBindings } from './routes/pipeline.routes';
import { membersRouteBindings } from './routes/members.routes';
import { MembersService } from './services/members.service';
import { TenantSettingsService } from './services/tenant-settings.service';
import { PipelineService } from './services/pipeline.service';
import { PurchasesService } from './services/purchases.service';
import { LeadConversionService } from './services/lead-conversion.service';
import { leadRouteBindings } from './routes/leads.routes';
import { recordRouteBindings } from './routes/records.routes';
import { searchRouteBindings } from './routes/search.routes';
import { serviceRouteBindings } from './routes/service.routes';
import { AppointmentsService } from './services/appointments.service';
import { LookupService } from './services/lookup.service';
import { MyDayService } from './services/my-day.service';
import { ReportsService } from './services/reports.service';
import { reportRouteBindings } from './routes/reports.routes';
import { RecordService, type Clock } from './services/records.service';
import { SearchService } from './services/search.service';
import { createCosmosClient, initializeCosmos } from './store/cosmos/cosmos-client';
import { CosmosStore } from './store/cosmos/cosmos-store';
import { LOCAL_COSMOS_KEY, startLocalCosmos } from './store/cosmos/local-cosmos-server';
import { importRouteBindings } from './routes/imports.routes';
import { CsvImportService } from './services/csv-import.service';
import { WebFormService } from './services/web-form.service';
import { webFormRouteBindings } from './routes/web-forms.routes';
import { SqliteStore } from './store/sqlite/sqlite-store';
import type { Store } from './store/store';

export type App = {
  config: Config;
  store: Store;
  routes: RouteBinding[];
  /** Present in local mode only. */
  issuer: LocalIssuer | null;
  close(): Promise<void>;
};

// Personal Microsoft accounts sign in under this tenant id; Rapport is for work accounts.
const PERSONAL_ACCOUNTS_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';

export type AppOverrides = {
  store?: Store;
  now?: Clock;
  issuer?: LocalIssuer;
  /** Entra mode: signing keys from somewhere other than Microsoft's metadata (tests). */
  keys?: JWTVerifyGetKey;
};

/** Builds the API from checked configuration: one store, one token verifier, the services and the route table. */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const opened = overrides.store ? { store: overrides.store, stop: async () => undefined } : await openStore(config);
  const { store } = opened;
  const now = overrides.now ?? (() => new Date());

  let issuer: LocalIssuer | null = null;
  let verifierOptions: TokenVerifierOptions;
  if (config.authMode === 'local') {
    issuer = overrides.issuer ?? (await LocalIssuer.create(LOCAL_ISSUER, config.audience[0] ?? LOCAL_AUDIENCE));
    verifierOptions = { keys: issuer.keys, audience: config.audience, requiredScope: config.requiredScope, issuerFor: () => LOCAL_ISSUER };
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
  const routes: RouteBinding[] = [
    ...serviceRouteBindings(deps, store.name),
    ...lookupRouteBindings(deps, new LookupService(store)),
    ...searchRouteBindings(deps, new SearchService(store)),
    ...myDayRouteBindings(deps, new MyDayService(store)),
    ...appointmentsRouteBindings(deps, new AppointmentsService(store)),
    ...pipelineRouteBindings(deps, pipelines),
    ...settingsRouteBindings(deps, settings),
    ...membersRouteBindings(deps, new MembersService({ store, now, onChange: (tenantId, userId) => members.forget(tenantId, userId) })),
    ...recordRouteBindings(deps, records, new PurchasesService(store)),
    ...leadRouteBindings(deps, new LeadConversionService({ store, records, now })),
    ...importRouteBindings(deps, new CsvImportService({ store, writer: records.writer, now })),
    ...webFormRouteBindings(deps, new WebFormService({ store, records, now }), new WebFormLimits(config.webFormLimits)),
    ...reportRouteBindings(deps, new ReportsService({ store, now, pipelineOf: (tenantId) => pipelines.pipelineOf(tenantId), settingsOf: (tenantId) => settings.settingsOf(tenantId) })),
    ...(issuer ? devTokenRouteBindings(deps, issuer) : []),
  ];
  return {
    config,
    store,
    routes,
    issuer,
    close: async () => {
      await store.close();
      await opened.stop();
    },
  };
}

/** The configured store: the SQLite file, or Cosmos DB (a local in-process server when no endpoint is set). */
export async function openStore(config: Config): Promise<{ store: Store; stop: () => Promise<void> }> {
  if (config.store === 'sqlite') return { store: SqliteStore.open(path.join(config.dataDir, 'rapport.db')), stop: async () => undefined };
  const local = config.cosmos.endpoint ? null : await startLocalCosmos();
  const client = createCosmosClient({
    endpoint: local?.endpoint ?? (config.cosmos.endpoint as string),
    key: local ? LOCAL_COSMOS_KEY : config.cosmos.key,
    database: config.cosmos.database,
    local: local !== null,
  });
  // A local server starts empty; a real account is set up once with npm run cosmos:init.
  if (local) await initializeCosmos(client, config.cosmos.database);
  return { store: CosmosStore.open(client, config.cosmos.database), stop: async () => local?.stop() };
}
