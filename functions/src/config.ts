import path from 'node:path';
import { isKnownTimeZone } from '@rapport/shared';
import { z } from 'zod';

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
  AUTH_MODE: z.enum(['local', 'entra']).default('local'),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_OPENID_METADATA_URL: z.url().optional(),
  AUTH_SCOPE: z.string().regex(/^[\x21-\x7e]{1,100}$/, 'must be a scope name such as access_as_user').default('access_as_user'),
  AUTH_ALLOWED_TENANTS: z.string().regex(/^[A-Za-z0-9_-]+(,[A-Za-z0-9_-]+)*$/, 'must be tenant ids separated by commas').optional(),
  WRITE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  TENANT_WRITE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(3_000),
  WEB_FORM_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(5),
  WEB_FORM_TOTAL_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(120),
  SEED_DEMO: boolean.optional(),
  ADDIN_DIR: z.string().min(1).optional(),
  ADDIN_CLIENT_ID: z.string().min(1).optional(),
  ADDIN_API_SCOPE: z.string().min(1).optional(),
  LOG_REQUESTS: boolean.default(false),
});

export type Config = {
  port: number;
  host: string;
  /** Local mode: the https port of the local calendar service that stands in for Microsoft Graph. */
  localCalendar: { port: number; timeZone: string };
  dataDir: string;
  store: 'sqlite' | 'cosmos';
  /** Cosmos DB: without an endpoint in local mode, an in-process local server is started (data in memory). */
  cosmos: { endpoint: string | undefined; key: string | undefined; database: string };
  /** `local`: tokens from the built-in issuer (and POST /dev/token exists). `entra`: Microsoft Entra ID. */
  authMode: 'local' | 'entra';
  /** Accepted `aud` values: the API's app id URI and/or its client id. */
  audience: string[];
  /** The delegated scope every token must carry. */
  requiredScope: string;
  jwksUrl: string | undefined;
  openIdMetadataUrl: string | undefined;
  /** Entra mode: only these tenants may call (all consented tenants when unset). */
  allowedTenants: string[] | undefined;
  /** Writes each user, and each tenant, may make per minute before 429. */
  writeLimits: { perUser: number; perTenant: number };
  /** Web form submissions per minute from one visitor (by address) and to one form in all. */
  webFormLimits: { perVisitor: number; perForm: number };
  seedDemo: boolean;
  logRequests: boolean;
  /** The built add-in pages the standalone host serves. */
  addinDir: string;
  /** Entra mode: the add-in's app registration and the API scope it asks for. */
  addinClientId: string | undefined;
  addinApiScope: string | undefined;
};

export const LOCAL_AUDIENCE = 'api://rapport-local';
export const LOCAL_ISSUER = 'rapport-local-issuer';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and checks the configuration once; a missing or malformed setting names itself. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      return `  ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  if (values.AUTH_MODE === 'entra' && !values.AUTH_AUDIENCE) {
    throw new ConfigError('Invalid configuration:\n  AUTH_AUDIENCE is required when AUTH_MODE=entra (the API\'s application id URI or client id).');
  }
  if (values.AUTH_MODE === 'entra' && values.AUTH_AUDIENCE && !/^(api:\/\/\S+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(,\s*(api:\/\/\S+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))*$/i.test(values.AUTH_AUDIENCE)) {
    throw new ConfigError('Invalid configuration:\n  AUTH_AUDIENCE must be the API\'s application id URI (api://…) and/or its client id (a GUID), separated by commas.');
  }
  if (values.LOCAL_CALENDAR_TIME_ZONE && !isKnownTimeZone(values.LOCAL_CALENDAR_TIME_ZONE)) {
    throw new ConfigError(`Invalid configuration:\n  LOCAL_CALENDAR_TIME_ZONE="${values.LOCAL_CALENDAR_TIME_ZONE}" is not a time zone name such as Europe/Madrid.`);
  }
  if (values.STORE === 'cosmos' && !values.COSMOS_ENDPOINT && values.AUTH_MODE !== 'local') {
    throw new ConfigError('Invalid configuration:\n  COSMOS_ENDPOINT is required when STORE=cosmos (e.g. https://<account>.documents.azure.com:443/).');
  }
  return {
    port: values.PORT,
    host: values.HOST,
    localCalendar: { port: values.LOCAL_CALENDAR_PORT, timeZone: values.LOCAL_CALENDAR_TIME_ZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone },
    dataDir: path.resolve(values.RAPPORT_DATA_DIR),
    store: values.STORE,
    cosmos: { endpoint: values.COSMOS_ENDPOINT, key: values.COSMOS_KEY, database: values.COSMOS_DATABASE },
    authMode: values.AUTH_MODE,
    audience: (values.AUTH_AUDIENCE ?? LOCAL_AUDIENCE).split(',').map((value) => value.trim()).filter(Boolean),
    requiredScope: values.AUTH_SCOPE,
    jwksUrl: values.AUTH_JWKS_URL,
    openIdMetadataUrl: values.AUTH_OPENID_METADATA_URL,
    allowedTenants: values.AUTH_ALLOWED_TENANTS?.split(','),
    writeLimits: { perUser: values.WRITE_LIMIT_PER_MINUTE, perTenant: values.TENANT_WRITE_LIMIT_PER_MINUTE },
    webFormLimits: { perVisitor: values.WEB_FORM_LIMIT_PER_MINUTE, perForm: values.WEB_FORM_TOTAL_LIMIT_PER_MINUTE },
    seedDemo: values.SEED_DEMO ?? values.AUTH_MODE === 'local',
    logRequests: values.LOG_REQUESTS,
    addinDir: path.resolve(values.ADDIN_DIR ?? path.join(__dirname, '../../addin/dist')),
    addinClientId: values.ADDIN_CLIENT_ID,
    addinApiScope: values.ADDIN_API_SCOPE,
  };
}
