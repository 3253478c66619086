import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';
import { createCosmosClient, initializeCosmos } from '../functions/src/store/cosmos/cosmos-client';
import { CosmosStore } from '../functions/src/store/cosmos/cosmos-store';
import { LOCAL_COSMOS_KEY, startLocalCosmos } from '../functions/src/local/cosmos/local-cosmos-server';
import { generateDemoData } from '../functions/src/local/demo/demo-data';
import { localhostCertificate } from '../functions/src/local/calendar/local-certificate';
import { packageApi } from '../scripts/package-api';
import { summarize } from './stats';

// A cold start as Azure Functions would make one, with what Azure provides stood in on loopback: the Cosmos DB account
// (the in-process server), the managed identity's token endpoint (App Service's IDENTITY_ENDPOINT protocol) and
// Entra ID's signing keys (AUTH_JWKS_URL). Each measurement is a fresh `node` process on the entry of the package azd
// deploys (scripts/package-api.ts: the bundle and its code cache, packaged here into a folder of its own), run by
// cold-start-child.cjs with the production profile's settings.

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT_ID = '2b1a6c1e-7d1f-4c55-9a53-0d4f8c2e6b10';
const DATABASE = 'rapport';
const IDENTITY_SECRET = 'bench-identity-header';

export type ColdStart = { imported: number; answered: number };

/** `processes` cold starts, each answering a lookup of two contacts and a stranger; their p50/p95 from process start. */
export async function measureColdStarts(
  processes: number,
): Promise<{ imported: { p50: number; p95: number }; answered: { p50: number; p95: number }; building: ColdStart | null; matches: string[] }> {
  const cosmos = await startLocalCosmos();
  const servers: http.Server[] = [];
  const certificateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-tls-'));
  const packaged = await packageApi(fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-package-')));
  try {
    // The account holds a tenant of 200 contacts, as `npm run cosmos:init` and the tenant's use would leave it.
    const client = createCosmosClient({ endpoint: cosmos.endpoint, key: LOCAL_COSMOS_KEY, database: DATABASE, local: true });
    await initializeCosmos(client, DATABASE);
    const store = CosmosStore.open(client, DATABASE);
    const data = generateDemoData({ now: new Date('2026-11-23T00:00:00Z'), tenantId: TENANT, size: { companies: 20, contacts: 200, deals: 40, activities: 400, cases: 20, leads: 10 } });
    await store.createMany('member', data.members);
    await store.createMany('company', data.companies);
    await store.createMany('contact', data.contacts);
    await store.createMany('deal', data.deals);
    await store.createMany('activity', data.activities);
    await store.close();

    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'bench-key', alg: 'RS256', use: 'sig' }] };
    const jwksUrl = await serve(servers, (_request, response) => json(response, jwks));
    // App Service's managed identity endpoint: a token for the resource asked, when the secret header is right.
    const identityUrl = await serve(servers, (request, response) => {
      if (request.headers['x-identity-header'] !== IDENTITY_SECRET) return json(response, { error: 'unauthorized' }, 401);
      const resource = new URL(request.url ?? '/', 'http://localhost').searchParams.get('resource') ?? '';
      json(response, { access_token: 'bench-managed-identity-token', expires_on: String(Math.floor(Date.now() / 1000) + 3600), resource, token_type: 'Bearer' });
    });

    // Cosmos DB takes a managed identity's token over TLS only (the SDK refuses a bearer token on http): the account's
    // endpoint is a TLS proxy to the in-process server, its certificate trusted by the child (NODE_EXTRA_CA_CERTS).
    const certificate = await localhostCertificate(certificateDir);
    const certificateFile = path.join(certificateDir, 'localhost.pem');
    fs.writeFileSync(certificateFile, certificate.cert);
    const target = new URL(cosmos.endpoint);
    const keepAlive = new http.Agent({ keepAlive: true });
    const tls = https.createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
      const forwarded = http.request({ host: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers, agent: keepAlive }, (answer) => {
        if ((request.url ?? '').split('?')[0] !== '/') {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
          return;
        }
        // The account names its regions' endpoints by the server's own address: they are the proxy's here.
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8').replace(/https?:\/\/127\.0\.0\.1:\d+\/?/g, accountEndpoint);
          response.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'content-length': Buffer.byteLength(body) });
          response.end(body);
        });
      });
      forwarded.once('error', () => response.destroy());
      request.pipe(forwarded);
    });
    servers.push(tls);
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    const accountEndpoint: string = `https://localhost:${(tls.address() as AddressInfo).port}/`;

    const members = data.members.map((member) => member.id);
    const emails = [data.contacts[0]!.emails[0]!, data.contacts[1]!.emails[0]!, `someone.new@${data.contacts[2]!.emails[0]!.split('@')[1]}`];
    const runs: ColdStart[] = [];
    let matches: string[] = [];
    let building: ColdStart | null = null;
    // One more process first: the account's first lookup of these addresses, which builds their cards (reported apart).
    // The measured ones find them kept, as a new instance finds what the others' lookups left.
    for (let run = -1; run < processes; run++) {
      // The tenant's own members (its reps sign in every day): a first sign-in's enrolment is not a cold start.
      const token = await userToken(privateKey as KeyLike, members[(run + members.length) % members.length]!);
      // Not spawnSync: this process answers the child's requests for keys and tokens meanwhile.
      const child = await runToEnd(process.execPath, [path.join(__dirname, 'cold-start-child.cjs')], {
          PATH: process.env.PATH,
          NODE_ENV: 'production',
          AUTH_MODE: 'entra',
          AUTH_AUDIENCE: `api://rapport.example.com/${CLIENT_ID},${CLIENT_ID}`,
          AUTH_ALLOWED_TENANTS: TENANT,
          AUTH_JWKS_URL: jwksUrl,
          ADDIN_CLIENT_ID: CLIENT_ID,
          STORE: 'cosmos',
          COSMOS_ENDPOINT: accountEndpoint,
          NODE_EXTRA_CA_CERTS: certificateFile,
          COSMOS_DATABASE: DATABASE,
          STORAGE_BLOB_ENDPOINT: 'https://rapportbench.blob.core.windows.net/',
          IDENTITY_ENDPOINT: identityUrl,
          IDENTITY_HEADER: IDENTITY_SECRET,
          BENCH_ENTRY: packaged.entry,
          BENCH_TOKEN: token,
          BENCH_EMAILS: JSON.stringify(emails),
      });
      const line = child.stdout.trim().split('\n').pop() ?? '';
      if (child.status !== 0 || !line.startsWith('{')) throw new Error(`a cold start failed (exit ${child.status}): ${child.stderr || child.stdout}`);
      const result = JSON.parse(line) as ColdStart & { status: number; matches: string[]; error?: unknown };
      if (result.status !== 200) throw new Error(`a cold start's lookup answered ${result.status}: ${JSON.stringify(result.error)} ${child.stderr}`);
      matches = result.matches;
      if (run < 0) building = { imported: result.imported, answered: result.answered };
      else runs.push({ imported: result.imported, answered: result.answered });
    }
    const summary = (values: number[]) => {
      const { p50, p95 } = summarize(values);
      return { p50, p95 };
    };
    return { imported: summary(runs.map((run) => run.imported)), answered: summary(runs.map((run) => run.answered)), building: building as ColdStart | null, matches };
  } finally {
    for (const server of servers) server.close();
    await cosmos.stop();
    fs.rmSync(certificateDir, { recursive: true, force: true });
    fs.rmSync(packaged.dir, { recursive: true, force: true });
  }
}

/** Runs a process to its end, with its output. */
function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** An Entra ID access token for the API, as the pane's SSO would get one. */
function userToken(key: KeyLike, userId: string): Promise<string> {
  return new SignJWT({ tid: TENANT, oid: userId, scp: 'access_as_user', name: userId, preferred_username: `${userId}@contoso.com`, ver: '2.0' })
    .setProtectedHeader({ alg: 'RS256', kid: 'bench-key', typ: 'JWT' })
    .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
    .setAudience(CLIENT_ID)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(key);
}

async function serve(servers: http.Server[], handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

function json(response: http.ServerResponse, body: unknown, status = 200): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
