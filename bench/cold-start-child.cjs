// Run by bench/cold-start.ts, one fresh process per measurement, in plain Node on the package as Azure runs it:
// imports the Azure entry (BENCH_ENTRY: the packaged azure.js), then answers one participant lookup through the handler it
// registered, given an @azure/functions HttpRequest. Prints, as JSON, the milliseconds since the process began
// (performance.now(): Node's own start included) when the entry was imported and when the lookup was answered.
'use strict';
const path = require('node:path');
const { installFunctionsHostStandIn } = require('../scripts/functions-host-stand-in.cjs');

// The Functions host hands its worker '@azure/functions-core'; here a stand-in keeps what the entry registers.
const registered = installFunctionsHostStandIn();

async function main() {
  const [token, emails] = [process.env.BENCH_TOKEN, JSON.parse(process.env.BENCH_EMAILS ?? '[]')];
  require(path.resolve(process.env.BENCH_ENTRY ?? path.join(__dirname, '../functions/deploy/azure.js')));
  const imported = performance.now();
  const { HttpRequest, InvocationContext } = require('@azure/functions');
  const lookup = registered.get('lookup');
  if (!lookup) throw new Error('the Azure entry registered no lookup route');
  const request = new HttpRequest({
    method: 'POST',
    url: 'https://rapport.azurewebsites.net/api/lookup',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: { string: JSON.stringify({ emails, timelineLimit: 5 }) },
  });
  const response = await lookup(request, new InvocationContext({ functionName: 'lookup', logHandler: (level, ...args) => console.error(level, ...args) }));
  const answered = performance.now();
  const body = response.jsonBody ?? {};
  const matches = Array.isArray(body.results) ? body.results.map((result) => result.match) : [];
  process.stdout.write(`${JSON.stringify({ imported, answered, status: response.status ?? 200, matches, error: body.error })}\n`);
  // What the entry started (the Cosmos client, timers) would keep the process up: a cold start is measured, not a life.
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
