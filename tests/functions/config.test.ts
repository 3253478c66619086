import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, openStore } from '../../functions/src/app';
import { ConfigError, PRODUCTION_SETTINGS, loadConfig } from '../../functions/src/config';
import { PRODUCTION_ENV } from './production-env';

describe('configuration', () => {
  it('defaults to port 3000, SQLite under .data, local auth and the demo seed', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, store: 'sqlite', authMode: 'local', seedDemo: true });
    expect(config.dataDir.endsWith('.data')).toBe(true);
  });

  it('stops with a message naming a malformed setting', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty"/);
    expect(() => loadConfig({ STORE: 'oracle' })).toThrow(/STORE="oracle"/);
    expect(() => loadConfig({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
  });

  it('requires the API audience in Entra mode', () => {
    expect(() => loadConfig({ AUTH_MODE: 'entra' })).toThrow(/AUTH_AUDIENCE is required/);
    expect(loadConfig({ AUTH_MODE: 'entra', AUTH_AUDIENCE: 'api://rapport' })).toMatchObject({ authMode: 'entra', seedDemo: false });
  });
});

describe('the production profile', () => {
  const without = (name: string): Record<string, string> => Object.fromEntries(Object.entries(PRODUCTION_ENV).filter(([key]) => key !== name));
  const problemsOf = (env: Record<string, string>, profile?: 'production') => {
    try {
      loadConfig(env, profile);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return error.message.split('\n').slice(1).map((line) => line.trim());
    }
    return [];
  };

  it('refuses to start without any of its settings, naming each missing one in one message', () => {
    const problems = problemsOf({}, 'production');
    expect(problems.map((line) => /^[A-Z_]+/.exec(line)?.[0])).toEqual([
      'AUTH_MODE',
      'AUTH_AUDIENCE',
      'AUTH_ALLOWED_TENANTS',
      'ADDIN_CLIENT_ID',
      'STORE',
      'COSMOS_ENDPOINT',
      'STORAGE_BLOB_ENDPOINT',
    ]);
    expect([...PRODUCTION_SETTINGS].sort()).toEqual(problems.map((line) => /^[A-Z_]+/.exec(line)?.[0]).sort());
  });

  it.each(PRODUCTION_SETTINGS.map((name) => [name]))('names %s alone when only it is missing', (name) => {
    const problems = problemsOf(without(name), 'production');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}\\b`));
  });

  it('counts an empty setting as a missing one', () => {
    expect(problemsOf({ ...PRODUCTION_ENV, ADDIN_CLIENT_ID: '', AUTH_ALLOWED_TENANTS: '' }, 'production')).toEqual([
      expect.stringMatching(/^AUTH_ALLOWED_TENANTS is required in production/),
      expect.stringMatching(/^ADDIN_CLIENT_ID is required in production/),
    ]);
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it('starts with every setting given: Entra ID tokens, Cosmos DB, the tenants allowed, the blob endpoint', () => {
    const config = loadConfig({ ...PRODUCTION_ENV }, 'production');
    expect(config).toMatchObject({
      profile: 'production',
      authMode: 'entra',
      store: 'cosmos',
      cosmos: { endpoint: PRODUCTION_ENV.COSMOS_ENDPOINT, key: undefined, database: 'rapport' },
      allowedTenants: [PRODUCTION_ENV.AUTH_ALLOWED_TENANTS],
      addinClientId: PRODUCTION_ENV.ADDIN_CLIENT_ID,
      storage: { blobEndpoint: PRODUCTION_ENV.STORAGE_BLOB_ENDPOINT },
      seedDemo: false,
    });
  });

  it('is what NODE_ENV=production asks of the standalone host', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/for production[\s\S]*AUTH_MODE=entra is required/);
    expect(loadConfig({ NODE_ENV: 'production', ...PRODUCTION_ENV }).profile).toBe('production');
    expect(loadConfig({ NODE_ENV: 'development' }).profile).toBe('development');
  });

  it('never falls back to the local issuer or a SQLite file', () => {
    expect(problemsOf({ ...PRODUCTION_ENV, AUTH_MODE: 'local' }, 'production')).toEqual([
      'AUTH_MODE=entra is required in production (it is "local"): production never uses the local issuer.',
    ]);
    expect(problemsOf({ ...PRODUCTION_ENV, STORE: 'sqlite' }, 'production')).toEqual([
      'STORE=cosmos is required in production (it is "sqlite"): production never keeps its data in a SQLite file.',
    ]);
    // Left unset, the store is not SQLite by default, nor the issuer local.
    expect(problemsOf(without('STORE'), 'production')[0]).toMatch(/^STORE=cosmos is required in production:/);
    expect(problemsOf(without('AUTH_MODE'), 'production')[0]).toMatch(/^AUTH_MODE=entra is required in production:/);
  });

  it('refuses account keys (managed identity signs in) and the demo seed', () => {
    expect(problemsOf({ ...PRODUCTION_ENV, COSMOS_KEY: 'a2V5', STORAGE_CONNECTION_STRING: 'AccountKey=a2V5', SEED_DEMO: 'true' }, 'production')).toEqual([
      'COSMOS_KEY must not be set in production: Rapport signs in to Cosmos DB with its managed identity.',
      'STORAGE_CONNECTION_STRING must not be set in production: Rapport signs in to Blob Storage with its managed identity (STORAGE_BLOB_ENDPOINT), and the account takes no keys.',
      'SEED_DEMO must not be on in production: the demo tenant is for local mode.',
    ]);
  });

  it('names malformed and missing settings together', () => {
    const problems = problemsOf({ ...without('ADDIN_CLIENT_ID'), PORT: 'eighty', AUTH_ALLOWED_TENANTS: 'not a list' }, 'production');
    expect(problems).toEqual([
      expect.stringMatching(/^PORT="eighty": /),
      expect.stringMatching(/^AUTH_ALLOWED_TENANTS="not a list": must be tenant ids separated by commas, or \* for every consented tenant/),
      expect.stringMatching(/^ADDIN_CLIENT_ID is required in production/),
    ]);
  });

  it('lets every consented tenant call only when told so with AUTH_ALLOWED_TENANTS=*', () => {
    expect(loadConfig({ ...PRODUCTION_ENV, AUTH_ALLOWED_TENANTS: '*' }, 'production').allowedTenants).toBeUndefined();
    expect(loadConfig({ ...PRODUCTION_ENV, AUTH_ALLOWED_TENANTS: 'tenant-1,tenant-2' }, 'production').allowedTenants).toEqual(['tenant-1', 'tenant-2']);
  });

  it('signs in to Cosmos DB as the user-assigned identity whose client id is given', () => {
    const config = loadConfig({ ...PRODUCTION_ENV, AZURE_CLIENT_ID: '0d6f6a4e-3a55-4b8e-9a0c-7c7f2f6f1a11' }, 'production');
    expect(config.cosmos.identityClientId).toBe('0d6f6a4e-3a55-4b8e-9a0c-7c7f2f6f1a11');
    expect(() => loadConfig({ ...PRODUCTION_ENV, AZURE_CLIENT_ID: 'me' }, 'production')).toThrow(/AZURE_CLIENT_ID="me": must be the client id/);
  });
});

describe('the app outside local mode', () => {
  it('builds on Cosmos DB with Entra ID tokens and no /dev/token from production settings', async () => {
    const app = await createApp(loadConfig({ ...PRODUCTION_ENV }, 'production'));
    const names = app.routes.map((binding) => binding.route.name);
    await app.close();
    expect(app.store.name).toBe('cosmos');
    expect(names).toContain('get-contact');
    expect(names).not.toContain('dev-token');
  });

  it('has no local issuer of its own: local mode without the standalone host’s kit is refused', async () => {
    await expect(createApp(loadConfig({ RAPPORT_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-nokit-')) }))).rejects.toThrow(
      /AUTH_MODE=local runs in the standalone host only/,
    );
  });

  it('never starts the in-process Cosmos server outside local mode', async () => {
    const config = loadConfig({ AUTH_MODE: 'entra', AUTH_AUDIENCE: 'api://rapport', STORE: 'cosmos', COSMOS_ENDPOINT: 'https://x.documents.azure.com:443/' });
    await expect(openStore({ ...config, cosmos: { ...config.cosmos, endpoint: undefined } })).rejects.toThrow(/COSMOS_ENDPOINT is required/);
  });
});
