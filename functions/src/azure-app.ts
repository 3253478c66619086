import { createApp, type App } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import type { ApiHandler } from './http/bind-route';
import type { JobRunner } from './jobs/job-runner';

/** Rapport as the Azure entry runs it: started when the host loads it, on production settings only. */
export type AzureApp = {
  /** The route handlers by route name, once started. A failed start is tried again here, never kept. */
  handlers(): Promise<Map<string, ApiHandler>>;
  /** The job runner, once started (the same start as the handlers'). */
  jobs(): Promise<JobRunner>;
  /** The host stops this worker: what the app holds in memory (clicks not yet counted) is written, if it started. */
  close(): Promise<void>;
};

export type AzureAppOptions = {
  build?: (config: Config) => Promise<App>;
  log?: (message: string, error: unknown) => void;
};

/**
 * Starts at once: the configuration is read and checked (production profile) when the host loads the entry, so a
 * missing setting is in the log at start-up rather than at the first request. A start that fails is logged and
 * forgotten: the next request starts afresh (an app setting fixed, Cosmos DB reachable again) instead of failing
 * forever on a cached rejection.
 */
export function startAzureApp(env: NodeJS.ProcessEnv, options: AzureAppOptions = {}): AzureApp {
  const build = options.build ?? ((config: Config) => createApp(config));
  // A configuration error says all there is to say (each setting named); anything else keeps its stack.
  const log = options.log ?? ((message: string, error: unknown) => console.error(message, error instanceof ConfigError ? error.message : error));
  let started: Promise<{ handlers: Map<string, ApiHandler>; jobs: JobRunner; close: () => Promise<void> }> | undefined;
  const start = () => {
    const attempt = (async () => {
      const app = await build(loadConfig(env, 'production'));
      return { handlers: new Map(app.routes.map((binding) => [binding.route.name, binding.handler])), jobs: app.jobs, close: () => app.close() };
    })();
    started = attempt;
    attempt.catch((error: unknown) => {
      if (started === attempt) started = undefined;
      log('Rapport could not start; the next request tries again.', error);
    });
    return attempt;
  };
  void start();
  return {
    handlers: async () => (await (started ?? start())).handlers,
    jobs: async () => (await (started ?? start())).jobs,
    close: async () => {
      const running = await started?.catch(() => undefined);
      await running?.close();
    },
  };
}
