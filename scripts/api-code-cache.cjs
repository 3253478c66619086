// Run by package-api.ts in a process of its own: node api-code-cache.cjs <package dir>. Loads the packaged bundle as the
// entry does at a cold start, with placeholder production settings and the Functions host stood in, lets its start
// finish (one request to a registered route, refused for its missing token), then writes V8's code cache of the bundle
// beside it. A cache written after a load holds the functions that loading compiled (the shared domain's schemas, the
// routes' registration, the configuration's check), which a cache of the bare compile leaves to every cold start.
// Nothing is reached over the network: the start builds its clients, and the refused request reads no store.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { installFunctionsHostStandIn } = require('./functions-host-stand-in.cjs');

async function main() {
  const dir = path.resolve(process.argv[2] ?? '');
  const registered = installFunctionsHostStandIn();
  const { loadBundle } = require(path.join(dir, 'bundle-loader.cjs'));
  const bundle = path.join(dir, 'rapport-api.js');
  const { script } = loadBundle(bundle, module);
  const { HttpRequest, InvocationContext } = require('@azure/functions');
  const lookup = registered.get('lookup');
  if (!lookup) throw new Error('the bundle registered no lookup route');
  const response = await lookup(
    new HttpRequest({ method: 'POST', url: 'https://rapport.azurewebsites.net/api/lookup', headers: { 'content-type': 'application/json' }, body: { string: '{"emails":[]}' } }),
    new InvocationContext({ functionName: 'lookup', logHandler: () => undefined }),
  );
  // 401: the app started and refused the request; a 503 would mean it did not start, and the cache would miss its start.
  if (response.status !== 401) throw new Error(`the warm-up request answered ${response.status}, not 401: ${JSON.stringify(response.jsonBody)}`);
  fs.writeFileSync(`${bundle}.cache`, script.createCachedData());
  // What the start built (the Cosmos client, timers) would keep the process up.
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
