import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createRemoteJWKSet } from 'jose';
import { LOCAL_ISSUER, type Config } from './config';
import { LocalIssuer } from './auth/local-issuer';
import { createTokenVerifier, type TokenVerifierOptions } from './auth/token-verifier';
import type { BindDependencies, RouteBinding } from './http/bind-route';
import { devTokenRouteBindings } from './routes/dev-token.routes';
import { lookupRouteBindings } from './routes/lookup.routes';
import { myDayRouteBindings } from './routes/my-day.routes';
import { pipelineRouteBindings } from './routes/pipeline.routes';
import { recordRouteBindings } from './routes/records.routes';
import { searchRouteBindings } from './routes/search.routes';
import { serviceRouteBindings } from './routes/service.routes';
import { LookupService } from './services/lookup.service';
import { MyDayService } from './services/my-day.service';
import { RecordService, type Clock } from './services/records.service';
import { SearchService } from './services/search.service';
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

export type AppOverrides = { store?: Store; now?: Clock; issuer?: LocalIssuer };

const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

/** Builds the API from checked configuration: one store, one token verifier, the services and the route table. */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const store = overrides.store ?? SqliteStore.open(path.join(config.dataDir, 'rapport.db'));
  const now = overrides.now ?? (() => new Date());

  let issuer: LocalIssuer | null = null;
  let verifierOptions: TokenVerifierOptions;
  if (config.authMode === 'local') {
    issuer = overrides.issuer ?? (await LocalIssuer.create(LOCAL_ISSUER, config.audience));
    verifierOptions = { keys: issuer.keys, audience: config.audience, issuerFor: () => LOCAL_ISSUER };
  } else {
    verifierOptions = {
      // jose caches the key set and refetches it when a token names an unknown key id.
      keys: createRemoteJWKSet(new URL(config.jwksUrl ?? ENTRA_JWKS_URL)),
      audience: config.audience,
      issuerFor: (tenantId) => `https://login.microsoftonline.com/${tenantId}/v2.0`,
    };
  }
  const deps: BindDependencies = { verifyToken: createTokenVerifier(verifierOptions) };

  const records = new RecordService({ store, now, newId: randomUUID });
  const routes: RouteBinding[] = [
    ...serviceRouteBindings(deps, store.name),
    ...lookupRouteBindings(deps, new LookupService(store)),
    ...searchRouteBindings(deps, new SearchService(store)),
    ...myDayRouteBindings(deps, new MyDayService(store)),
    ...pipelineRouteBindings(deps),
    ...recordRouteBindings(deps, records),
    ...(issuer ? devTokenRouteBindings(deps, issuer) : []),
  ];
  return { config, store, routes, issuer, close: () => store.close() };
}
