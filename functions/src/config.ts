import path from 'node:path';
import { isKnownTimeZone } from '@rapport/shared';
import { z } from 'zod';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const boolean = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  LOCAL_CALENDAR_PORT: z.coerce.number().int().min(0).max(65_535).default(3443),
  LOCAL_CALENDAR_TIME_ZONE: z.string().min(1).optional(),
  HOST: z.string().min(1).default('localhost'),
  RAPPORT_DATA_DIR: z.string().min(1).default('.data'),
  STORE: z.enum(['sqlite', 'cosmos']).default('sqlite'),
  COSMOS_ENDPOINT: z.url().optional(),
  COSMOS_KEY: z.string().min(1).optional(),
  COSMOS_DATABASE: z.string().regex(/^[A-Za-z0-9_-]{1,255}$/, 'must be a database name such as rapport').default('rapport'),
  AZURE_CLIENT_ID: z.string().regex(GUID, 'must be the client id (a GUID) of the managed identity').optional(),
  STORAGE_BLOB_ENDPOINT: z.url().optional(),
  /** A storage account's connection string (Azurite locally, or an account key): used instead of managed identity. */
  STORAGE_CONNECTION_STRING: z.string().min(1).optional(),
  STORAGE_CONTAINER: z.string().regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/, 'must be a container name such as documents (3-63 lower-case letters, digits and single hyphens)').default('documents'),
  AUTH_MODE: z.enum(['local', 'entra']).default('local'),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_OPENID_METADATA_URL: z.url().optional(),
  AUTH_SCOPE: z.string().regex(/^[\x21-\x7e]{1,100}$/, 'must be a scope name such as access_as_user').default('access_as_user'),
  AUTH_ALLOWED_TENANTS: z.string().regex(/^(\*|[A-Za-z0-9_-]+(,[A-Za-z0-9_-]+)*)$/, 'must be tenant ids separated by commas, or * for every consented tenant').optional(),
  WRITE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  TENANT_WRITE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(3_000),
  WEB_FORM_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(5),
  WEB_FORM_TOTAL_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(120),
  PUBLIC_PAGE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
  PUBLIC_PAGE_TOTAL_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(120),
  TRACKED_LINK_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  TRACKED_LINK_TOTAL_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000_000).default(6_000),
  CLICK_FLUSH_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  SEED_DEMO: boolean.optional(),
  ADDIN_DIR: z.string().min(1).optional(),
  ADDIN_CLIENT_ID: z.string().min(1).optional(),
  ADDIN_API_SCOPE: z.string().min(1).optional(),
  ADDIN_PAGES_URL: z.url({ protocol: /^https?$/ }).optional(),
  API_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Set by Azure on a Function App: its host name, the API's public address when API_PUBLIC_URL is not given. */
  WEBSITE_HOSTNAME: z.string().min(1).max(253).optional(),
  LOG_REQUESTS: boolean.default(false),
});

/** `production`: the Azure entry always; the standalone host when NODE_ENV=production. */
export type Profile = 'development' | 'production';

/** Every setting Rapport reads from the environment. */
export const SETTING_NAMES = Object.keys(EnvSchema.shape) as (keyof typeof EnvSchema.shape)[];

/**
 * The settings a production start cannot do without; a start without any of them names each and stops.
 * infra/main.bicep sets every one (tests/functions/infra.test.ts checks that the two lists agree).
 */
export const PRODUCTION_SETTINGS = ['AUTH_MODE', 'AUTH_AUDIENCE', 'AUTH_ALLOWED_TENANTS', 'ADDIN_CLIENT_ID', 'STORE', 'COSMOS_ENDPOINT', 'STORAGE_BLOB_ENDPOINT'] as const satisfies readonly (keyof typeof EnvSchema.shape)[];

export type Config = {
  profile: Profile;
  port: number;
  host: string;
  /**
   * Local mode: the https port of the local calendar service that stands in for Microsoft Graph, and the time zone of
   * its demo appointments (none given: this machine's, asked of Intl only when the calendar starts, since the first
   * Intl call loads ICU's data, some 15 ms of a cold start that never uses it).
   */
  localCalendar: { port: number; timeZone: string | undefined };
  dataDir: string;
  store: 'sqlite' | 'cosmos';
  /**
   * Cosmos DB: without an endpoint in local mode, an in-process local server is started (data in memory). Without a
   * key, managed identity signs requests: the user-assigned one whose client id is given, else the system-assigned one.
   */
  cosmos: { endpoint: string | undefined; key: string | undefined; database: string; identityClientId: string | undefined };
  /**
   * Where documents' bytes are kept: Blob Storage when an endpoint (managed identity) or a connection string is given,
   * else the data directory's `files` folder (local mode). One container; each tenant's files under its own prefix.
   */
  storage: { blobEndpoint: string | undefined; connectionString: string | undefined; container: string };
  /** `local`: tokens from the built-in issuer (and POST /dev/token exists). `entra`: Microsoft Entra ID. */
  authMode: 'local' | 'entra';
  /** Accepted `aud` values: the API's app id URI and/or its client id. */
  audience: string[];
  /** The delegated scope every token must carry. */
  requiredScope: string;
  jwksUrl: string | undefined;
  openIdMetadataUrl: string | undefined;
  /** Entra mode: only these tenants may call (all consented tenants when unset, or `*`). */
  allowedTenants: string[] | undefined;
  /** Writes each user, and each tenant, may make per minute before 429. */
  writeLimits: { perUser: number; perTenant: number };
  /** Web form submissions per minute from one visitor (by address) and to one form in all. */
  webFormLimits: { perVisitor: number; perForm: number };
  /** Requests to one public page (a quote's page, PDF and answers) per visitor, and in all, a minute. */
  publicPageLimits: { perVisitor: number; perItem: number };
  /** Opens of tracked links per minute from one visitor (by address, whatever the link) and of one link in all. */
  trackedLinkLimits: { perVisitor: number; perLink: number };
  /** How long clicks are summed in memory before they are written (0: each click is written before its redirect). */
  clickFlushMs: number;
  seedDemo: boolean;
  logRequests: boolean;
  /** The built add-in pages the standalone host serves. */
  addinDir: string;
  /** Entra mode: the add-in's app registration and the API scope it asks for. */
  addinClientId: string | undefined;
  addinApiScope: string | undefined;
  /**
   * Where the add-in's pages are served (https://<WEB_HOST>): the morning digest links to record pages there. Local mode
   * defaults to the standalone host's own address; without it elsewhere the digest names records without links.
   */
  addinPagesUrl: string | undefined;
  /**
   * Where customers reach the API's public pages (a survey's link in its e-mail): API_PUBLIC_URL, else the Function
   * App's own address in Azure (WEBSITE_HOSTNAME); locally, the standalone host's address once it listens.
   */
  apiPublicUrl: string | undefined;
  /**
   * Entra mode: who the API is when it calls Microsoft Graph as the application (jobs). The app is Rapport's one
   * registration (ADDIN_CLIENT_ID); the managed identity (AZURE_CLIENT_ID, else the system-assigned one) is its
   * federated credential, so there is no secret.
   */
  graphApp: { clientId: string | undefined; managedIdentityClientId: string | undefined };
};

export const LOCAL_AUDIENCE = 'api://rapport-local';
export const LOCAL_ISSUER = 'rapport-local-issuer';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads and checks the configuration once; every missing or malformed setting is named, in one message. The
 * production profile also requires its settings (PRODUCTION_SETTINGS) and never falls back to the local issuer,
 * the in-process Cosmos server or a SQLite file.
 */
export function loadConfig(given: NodeJS.ProcessEnv = process.env, profile: Profile = given.NODE_ENV === 'production' ? 'production' : 'development'): Config {
  // An empty setting is a missing one: infra/ writes every app setting, some empty until the admin fills them in.
  const env = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined && value !== ''));
  // One line per setting, the first problem found with it.
  const problems = new Map<string, string>();
  const problem = (name: string, line: string) => {
    if (!problems.has(name)) problems.set(name, line);
  };
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '?');
      problem(name, `${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`);
    }
  }
  if (profile === 'production') {
    for (const [name, line] of productionProblems(env)) problem(name, line);
  }
  const values = parsed.success ? parsed.data : null;
  if (values?.AUTH_MODE === 'entra' && !values.AUTH_AUDIENCE) {
    problem('AUTH_AUDIENCE', 'AUTH_AUDIENCE is required when AUTH_MODE=entra (the API\'s application id URI or client id).');
  }
  if (values?.AUTH_MODE === 'entra' && values.AUTH_AUDIENCE && !/^(api:\/\/\S+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(,\s*(api:\/\/\S+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))*$/i.test(values.AUTH_AUDIENCE)) {
    problem('AUTH_AUDIENCE', 'AUTH_AUDIENCE must be the API\'s application id URI (api://…) and/or its client id (a GUID), separated by commas.');
  }
  if (values?.LOCAL_CALENDAR_TIME_ZONE && !isKnownTimeZone(values.LOCAL_CALENDAR_TIME_ZONE)) {
    problem('LOCAL_CALENDAR_TIME_ZONE', `LOCAL_CALENDAR_TIME_ZONE="${values.LOCAL_CALENDAR_TIME_ZONE}" is not a time zone name such as Europe/Madrid.`);
  }
  if (values?.STORE === 'cosmos' && !values.COSMOS_ENDPOINT && values.AUTH_MODE !== 'local') {
    problem('COSMOS_ENDPOINT', 'COSMOS_ENDPOINT is required when STORE=cosmos (e.g. https://<account>.documents.azure.com:443/).');
  }
  if (!values || problems.size > 0) {
    const heading = profile === 'production' ? 'Invalid configuration for production (the Azure entry, or NODE_ENV=production)' : 'Invalid configuration';
    throw new ConfigError(`${heading}:\n${[...problems.values()].map((line) => `  ${line}`).join('\n')}`);
  }
  return {
    profile,
    port: values.PORT,
    host: values.HOST,
    localCalendar: { port: values.LOCAL_CALENDAR_PORT, timeZone: values.LOCAL_CALENDAR_TIME_ZONE },
    dataDir: path.resolve(values.RAPPORT_DATA_DIR),
    store: values.STORE,
    cosmos: { endpoint: values.COSMOS_ENDPOINT, key: values.COSMOS_KEY, database: values.COSMOS_DATABASE, identityClientId: values.AZURE_CLIENT_ID },
    storage: { blobEndpoint: values.STORAGE_BLOB_ENDPOINT, connectionString: values.STORAGE_CONNECTION_STRING, container: values.STORAGE_CONTAINER },
    authMode: values.AUTH_MODE,
    audience: (values.AUTH_AUDIENCE ?? LOCAL_AUDIENCE).split(',').map((value) => value.trim()).filter(Boolean),
    requiredScope: values.AUTH_SCOPE,
    jwksUrl: values.AUTH_JWKS_URL,
    openIdMetadataUrl: values.AUTH_OPENID_METADATA_URL,
    allowedTenants: values.AUTH_ALLOWED_TENANTS === '*' ? undefined : values.AUTH_ALLOWED_TENANTS?.split(','),
    writeLimits: { perUser: values.WRITE_LIMIT_PER_MINUTE, perTenant: values.TENANT_WRITE_LIMIT_PER_MINUTE },
    webFormLimits: { perVisitor: values.WEB_FORM_LIMIT_PER_MINUTE, perForm: values.WEB_FORM_TOTAL_LIMIT_PER_MINUTE },
    publicPageLimits: { perVisitor: values.PUBLIC_PAGE_LIMIT_PER_MINUTE, perItem: values.PUBLIC_PAGE_TOTAL_LIMIT_PER_MINUTE },
    trackedLinkLimits: { perVisitor: values.TRACKED_LINK_LIMIT_PER_MINUTE, perLink: values.TRACKED_LINK_TOTAL_LIMIT_PER_MINUTE },
    clickFlushMs: values.CLICK_FLUSH_MS,
    seedDemo: values.SEED_DEMO ?? values.AUTH_MODE === 'local',
    logRequests: values.LOG_REQUESTS,
    addinDir: path.resolve(values.ADDIN_DIR ?? path.join(__dirname, '../../addin/dist')),
    addinClientId: values.ADDIN_CLIENT_ID,
    addinApiScope: values.ADDIN_API_SCOPE,
    addinPagesUrl: values.ADDIN_PAGES_URL ?? (values.AUTH_MODE === 'local' ? `http://${values.HOST}:${values.PORT}` : undefined),
    apiPublicUrl: (values.API_PUBLIC_URL ?? (values.WEBSITE_HOSTNAME ? `https://${values.WEBSITE_HOSTNAME}` : undefined))?.replace(/\/+$/, ''),
    graphApp: { clientId: values.ADDIN_CLIENT_ID, managedIdentityClientId: values.AZURE_CLIENT_ID },
  };
}

/** What production needs beyond well-formed values: its own settings, and none of local mode's. */
function productionProblems(env: NodeJS.ProcessEnv): [string, string][] {
  const found: [string, string][] = [];
  const missing = (name: (typeof PRODUCTION_SETTINGS)[number], what: string) => {
    if (!env[name]) found.push([name, `${name} is required in production: ${what}.`]);
  };
  if (env.AUTH_MODE !== 'entra') {
    found.push(['AUTH_MODE', `AUTH_MODE=entra is required in production${env.AUTH_MODE ? ` (it is "${env.AUTH_MODE}")` : ''}: production never uses the local issuer.`]);
  }
  missing('AUTH_AUDIENCE', "the API's application id URI (api://…) and/or its client id");
  missing('AUTH_ALLOWED_TENANTS', 'the Entra tenant ids that may call, separated by commas, or * to let every tenant that consented to the app call');
  missing('ADDIN_CLIENT_ID', "the add-in's app registration (client id) the pane signs in with");
  if (env.STORE !== 'cosmos') {
    found.push(['STORE', `STORE=cosmos is required in production${env.STORE ? ` (it is "${env.STORE}")` : ''}: production never keeps its data in a SQLite file.`]);
  }
  missing('COSMOS_ENDPOINT', 'the Cosmos DB account, e.g. https://<account>.documents.azure.com:443/ (never the in-process server)');
  missing('STORAGE_BLOB_ENDPOINT', "the storage account's blob endpoint, e.g. https://<account>.blob.core.windows.net/");
  // infra/ turns key auth off on the account: the app's managed identity is its only reader and writer.
  if (env.COSMOS_KEY) found.push(['COSMOS_KEY', 'COSMOS_KEY must not be set in production: Rapport signs in to Cosmos DB with its managed identity.']);
  if (env.STORAGE_CONNECTION_STRING) {
    found.push(['STORAGE_CONNECTION_STRING', 'STORAGE_CONNECTION_STRING must not be set in production: Rapport signs in to Blob Storage with its managed identity (STORAGE_BLOB_ENDPOINT), and the account takes no keys.']);
  }
  if (env.SEED_DEMO === 'true' || env.SEED_DEMO === '1') found.push(['SEED_DEMO', 'SEED_DEMO must not be on in production: the demo tenant is for local mode.']);
  return found;
}
