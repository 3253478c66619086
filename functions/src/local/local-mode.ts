import { createApp, type App, type AppOverrides, type LocalKit } from '../app';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, type Config } from '../config';
import { LOCAL_COSMOS_KEY, startLocalCosmos } from './cosmos/local-cosmos-server';
import { devJobsRouteBindings } from './dev-jobs.routes';
import { devTokenRouteBindings } from './dev-token.routes';
import type { AppGraph } from '../graph/app-graph';
import { createGraphAppClient, type GraphAppClientOptions } from '../graph/graph-app-client';
import { localAppTokens } from './local-app-tokens';
import { LocalIssuer } from './local-issuer';

/** The API as `npm start` runs it: with the local issuer, whose tokens tests and the demo's pane ask for. */
export type LocalApp = App & { issuer: LocalIssuer };

/** What createApp needs for local mode: the local issuer's keys, POST /dev/token and /dev/jobs, and the in-process Cosmos server. */
export function localKit(issuer: LocalIssuer): LocalKit {
  return {
    tokens: { issuer: issuer.issuer, keys: issuer.keys },
    routes: (deps, jobs) => [...devTokenRouteBindings(deps, issuer), ...devJobsRouteBindings(deps, jobs)],
    startCosmos: async () => {
      const server = await startLocalCosmos();
      return { endpoint: server.endpoint, key: LOCAL_COSMOS_KEY, stop: server.stop };
    },
  };
}

/** Builds the API in local mode, with a fresh local issuer unless one is given (tests share one). */
export async function createLocalApp(config: Config, overrides: Omit<AppOverrides, 'local'> & { issuer?: LocalIssuer } = {}): Promise<LocalApp> {
  if (config.authMode !== 'local') throw new Error('createLocalApp is for AUTH_MODE=local; use createApp');
  const { issuer: given, ...rest } = overrides;
  const issuer = given ?? (await LocalIssuer.create(LOCAL_ISSUER, config.audience[0] ?? LOCAL_AUDIENCE));
  const app = await createApp(config, { ...rest, local: localKit(issuer) });
  return { ...app, issuer };
}

/**
 * Graph as the application in local mode: the stand-in's address, its certificate trusted (TLS still verified), and
 * app-only tokens of the local issuer with Rapport's roles (or those a test gives).
 */
export function localAppGraph(
  issuer: LocalIssuer,
  standIn: { url: string; ca: string },
  options: Omit<GraphAppClientOptions, 'baseUrl' | 'tokens' | 'ca'> & { roles?: readonly string[] } = {},
): AppGraph {
  const { roles, ...rest } = options;
  return createGraphAppClient({ ...rest, baseUrl: `${standIn.url}/v1.0`, ca: standIn.ca, tokens: localAppTokens(issuer, roles ? { roles } : {}) });
}
