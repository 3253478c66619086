import { app, type HttpHandler } from '@azure/functions';
import { apiContract } from '@rapport/shared';
import { createApp, type App } from './app';
import { loadConfig } from './config';

// Azure Functions entry: the same route table as the standalone host, registered with app.http.
// The app (config, store, key set) is built once per process, on the first request.
let built: Promise<App> | undefined;
const getApp = () => (built ??= createApp(loadConfig()));

for (const route of apiContract) {
  const handler: HttpHandler = async (request, context) => {
    const { routes } = await getApp();
    const binding = routes.find((candidate) => candidate.route.name === route.name);
    if (!binding) throw new Error(`Route ${route.name} has no handler`);
    return binding.handler(request, context);
  };
  app.http(route.name, {
    methods: [route.method],
    authLevel: 'anonymous',
    // host.json sets the "api" route prefix.
    route: route.path.replace(/^\/api\//, ''),
    handler,
  });
}
