import { app, type HttpHandler } from '@azure/functions';
import { apiContract } from '@rapport/shared';
import { createApp } from './app';
import type { ApiHandler } from './http/bind-route';
import { loadConfig } from './config';

// Azure Functions entry: the same route table as the standalone host, registered with app.http.
// The app (config, store, key set) is built once per process, on the first request.
let handlers: Promise<Map<string, ApiHandler>> | undefined;
const handlerFor = async (name: string) => {
  handlers ??= createApp(loadConfig()).then((built) => new Map(built.routes.map((binding) => [binding.route.name, binding.handler])));
  const handler = (await handlers).get(name);
  if (!handler) throw new Error(`Route ${name} has no handler`);
  return handler;
};

for (const route of apiContract) {
  const handler: HttpHandler = async (request, context) => (await handlerFor(route.name))(request, context);
  app.http(route.name, {
    methods: [route.method],
    authLevel: 'anonymous',
    // host.json sets the "api" route prefix.
    route: route.path.replace(/^\/api\//, ''),
    handler,
  });
}
