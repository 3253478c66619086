import { apiContract, type ApiRoute, type CrudKind } from '@rapport/shared';
import { SignJWT, UnsecuredJWT, base64url, exportSPKI, generateKeyPair, type KeyLike } from 'jose';
import { LocalIssuer } from '../../functions/src/local/local-issuer';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../functions/src/config';
import { RouteRequests, VICTIM_MARKER } from './route-requests';
import { createTestApp, TENANT_A, TENANT_B, type CallOptions, type TestApp } from './test-app';

// Every route of the OpenAPI document, attacked with every kind of bad token. The victim is tenant A;
// "got data" means a 2xx answer or any of tenant A's records in the answer. The goal is 0.

let t: TestApp;
let requests: RouteRequests;
let trusted: { privateKey: KeyLike; publicKey: KeyLike; kid: string };
const tally = { attempts: 0, gotData: 0, byAttack: new Map<string, number>() };

const now = () => Math.floor(Date.now() / 1000);
const victimClaims = (overrides: Record<string, unknown> = {}) => ({
  tid: TENANT_A,
  oid: 'victim-admin',
  roles: ['admin'],
  scp: 'access_as_user',
  iss: LOCAL_ISSUER,
  aud: LOCAL_AUDIENCE,
  iat: now(),
  exp: now() + 600,
  ...overrides,
});
const signed = (claims: Record<string, unknown>, key: KeyLike | Uint8Array = trusted.privateKey, alg = 'RS256', kid = trusted.kid) =>
  new SignJWT(Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined))).setProtectedHeader({ alg, kid, typ: 'JWT' }).sign(key);

// The attacker's own key pair, made once (an RSA key takes a while to make, and every route is attacked with it).
let attackersKey: Promise<KeyLike> | undefined;
const attackerKey = () => (attackersKey ??= generateKeyPair('RS256').then((pair) => pair.privateKey as KeyLike));

type Attack = { name: string; token: () => Promise<string | null>; expectStatus: number };
const forgeries: Attack[] = [
  { name: 'no token', token: async () => null, expectStatus: 401 },
  { name: 'garbage', token: async () => 'not.a.token', expectStatus: 401 },
  { name: 'alg none', token: async () => new UnsecuredJWT(victimClaims()).encode(), expectStatus: 401 },
  {
    name: 'HS256 signed with the public key',
    token: async () => signed(victimClaims(), new TextEncoder().encode(await exportSPKI(trusted.publicKey)), 'HS256'),
    expectStatus: 401,
  },
  { name: 'wrong audience', token: () => signed(victimClaims({ aud: 'api://someone-else' })), expectStatus: 401 },
  { name: 'wrong issuer', token: () => signed(victimClaims({ iss: 'https://login.microsoftonline.com/evil/v2.0' })), expectStatus: 401 },
  { name: 'expired', token: () => signed(victimClaims({ iat: now() - 7200, exp: now() - 3600 })), expectStatus: 401 },
  { name: 'not yet valid', token: () => signed(victimClaims({ nbf: now() + 3600 })), expectStatus: 401 },
  {
    name: 'unknown key id',
    token: async () => signed(victimClaims(), await attackerKey(), 'RS256', 'attacker-key'),
    expectStatus: 401,
  },
  {
    name: 'tampered payload',
    token: async () => {
      const [header, , signature] = (await signed(victimClaims({ tid: TENANT_B, roles: ['rep'] }))).split('.');
      return `${header}.${base64url.encode(JSON.stringify(victimClaims()))}.${signature}`;
    },
    expectStatus: 401,
  },
  { name: 'app-only (no access_as_user scope)', token: () => signed(victimClaims({ scp: undefined })), expectStatus: 403 },
];

const userRoutes = apiContract.filter((route) => route.auth === 'user');

beforeAll(async () => {
  const keyPair = await generateKeyPair('RS256', { extractable: true });
  const issuer = await LocalIssuer.create(LOCAL_ISSUER, LOCAL_AUDIENCE, keyPair as { publicKey: KeyLike; privateKey: KeyLike });
  trusted = { ...(keyPair as { publicKey: KeyLike; privateKey: KeyLike }), kid: issuer.jwks.keys[0]?.kid ?? '' };
  t = await createTestApp({ issuer });
  requests = new RouteRequests(t, await t.token(TENANT_A, 'victim-rep', ['rep']), await t.token(TENANT_A, 'victim-admin', ['admin']));
});
afterAll(async () => {
  await t.close();
  const lines = [...tally.byAttack.entries()].map(([name, count]) => `  ${name}: ${count}`);
  process.stdout.write(
    `Token attacks: ${tally.attempts} attempts over ${userRoutes.length} routes with ${forgeries.length + 1} kinds of token; ${tally.gotData} got data.\n${lines.join('\n')}\n`,
  );
});

function record(attack: string, gotData: boolean): void {
  tally.attempts++;
  if (gotData) tally.gotData++;
  tally.byAttack.set(attack, (tally.byAttack.get(attack) ?? 0) + 1);
}

describe.each(forgeries.map((attack) => [attack.name, attack] as const))('a token that is %s', (_, attack) => {
  it.each(userRoutes.map((route) => [route.name, route] as const))('gets nothing from %s', async (_, route) => {
    const request = await requests.for(route);
    const response = await t.call(route.name, { ...request, token: await attack.token() });
    const gotData = response.status < 300 || JSON.stringify(response.body ?? '').includes(VICTIM_MARKER);
    record(attack.name, gotData);
    expect(response.status).toBe(attack.expectStatus);
    expect(response.body.error.code).toMatch(/^AUTH\./);
    expect(gotData).toBe(false);
  });
});

// A valid token of tenant B (an admin there) aimed at tenant A's ids and records.
describe("a valid token of another tenant's admin", () => {
  const referencing: Partial<Record<CrudKind, (ids: Record<string, string>) => Record<string, unknown>>> = {
    company: (ids) => ({ name: 'Probe', parentCompanyId: ids.company }),
    contact: (ids) => ({ lastName: 'Probe', companyId: ids.company }),
    deal: (ids) => ({ name: 'Probe', stage: 'proposal', companyId: ids.company, contactIds: [ids.contact] }),
    activity: (ids) => ({ kind: 'note', subject: 'Probe', at: '2026-11-20T10:00:00Z', contactIds: [ids.contact], dealId: ids.deal }),
    case: (ids) => ({ subject: 'Probe', contactId: ids.contact, companyId: ids.company }),
  };
  let victimIds: Record<string, string>;
  beforeAll(async () => {
    victimIds = {};
    for (const kind of ['company', 'contact', 'deal'] as const) victimIds[kind] = (await requests.record(kind)).id;
  });

  async function crossTenantRequest(route: ApiRoute): Promise<CallOptions> {
    const request = await requests.for(route);
    const kind = route.name.replace(/^create-/, '') as CrudKind;
    if (route.name.startsWith('create-') && referencing[kind]) return { body: referencing[kind]!(victimIds) };
    // Other writes that name no record of A (creates, imports) make the outsider's own records: their text is
    // the outsider's, not tenant A's, so a later list of the outsider's tenant does not look like a leak.
    if (request.body !== undefined && !route.path.includes('{')) return { ...request, body: JSON.parse(JSON.stringify(request.body).split(VICTIM_MARKER).join('Probe')) as unknown };
    return request;
  }

  it.each(userRoutes.map((route) => [route.name, route] as const))('gets nothing of tenant A from %s', async (_, route) => {
    const request = await crossTenantRequest(route);
    const response = await t.call(route.name, { ...request, token: await t.token(TENANT_B, 'outsider-admin', ['admin']) });
    // A document's bytes are data too.
    const text = JSON.stringify(response.body ?? '') + (response.bytes?.toString('latin1') ?? '');
    const addressesARecord = route.path.includes('{id}') || (route.name.startsWith('create-') && route.name.replace(/^create-/, '') in referencing);
    // An error naming an id the caller sent discloses nothing; an answer carrying one of A's records does.
    const carriesVictimRecord = response.status < 300 && Object.values(victimIds).some((id) => text.includes(id));
    const gotData = text.includes(VICTIM_MARKER) || carriesVictimRecord || (addressesARecord && response.status < 300);
    record('valid token of tenant B on tenant A', gotData);
    expect(gotData).toBe(false);
    expect(response.status).toBeLessThan(500);
    if (route.path.includes('{id}')) expect(response.status).toBe(404);
    if (addressesARecord && route.name.startsWith('create-')) expect(response.body.error.code).toMatch(/\.REFERENCE_NOT_FOUND$/);
  });
});
