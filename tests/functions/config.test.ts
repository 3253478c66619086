import { ConfigError, loadConfig } from '../../functions/src/config';

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
