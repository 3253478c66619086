import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Module from 'node:module';
import vm from 'node:vm';
import { API_BUNDLE_CACHE, HOST_PROVIDED, NEVER_LOADED_IN_AZURE, packageApi, type ApiPackage } from '../../scripts/package-api';
import { PRODUCTION_ENV } from '../functions/production-env';

// What azd deploys to the Function App: functions/deploy/, built by npm run package -w functions.
describe('the API package for Azure Functions', () => {
  let built: ApiPackage;
  let copy: string;
  beforeAll(async () => {
    built = await packageApi(fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-package-')));
    // Run from a folder with no node_modules anywhere above it, as on the Function App.
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-deployed-'));
    fs.cpSync(built.dir, copy, { recursive: true });
  }, 60_000);
  afterAll(() => {
    fs.rmSync(built.dir, { recursive: true, force: true });
    fs.rmSync(copy, { recursive: true, force: true });
  });

  const root = path.resolve(__dirname, '../..');
  const inputs = () => Object.keys(built.metafile.inputs).map((input) => path.relative(root, path.resolve(root, input)));

  it('names its entry in package.json beside host.json, and needs no installed dependencies', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(built.dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.main).toBe('azure.js');
    expect(manifest.dependencies).toBeUndefined();
    expect(fs.readFileSync(path.join(built.dir, 'host.json'), 'utf8')).toBe(fs.readFileSync(path.join(root, 'functions/host.json'), 'utf8'));
  });

  it("carries the quote PDF's fonts beside the entry, where quote-fonts.ts looks first, with their licence", () => {
    expect(fs.readdirSync(path.join(built.dir, 'fonts')).sort()).toEqual(['DejaVuSans-Bold.ttf', 'DejaVuSans.ttf', 'LICENSE']);
    // A TrueType file starts with the version 1.0 tag.
    expect(fs.readFileSync(path.join(built.dir, 'fonts/DejaVuSans.ttf')).subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]));
  });

  it('carries the Azure entry, the shared domain and the Cosmos layout, and nothing of local mode', () => {
    const files = inputs();
    expect(files).toEqual(expect.arrayContaining(['functions/src/azure.ts', 'functions/src/store/cosmos/cosmos-store.ts', 'infra/cosmos-layout.json']));
    expect(files.some((file) => file.startsWith('shared/'))).toBe(true);
    expect(files.filter((file) => file.startsWith('functions/src/local/') || /cosmosdb-server|selfsigned/.test(file))).toEqual([]);
  });

  it('leaves out only what the host provides and what Azure never loads', () => {
    const external = Object.values(built.metafile.outputs).flatMap((output) => output.imports.filter((imported) => imported.external).map((imported) => imported.path));
    const builtins = new Set(builtinModules);
    expect([...new Set(external.filter((name) => !builtins.has(name.replace(/^node:/, ''))))].sort()).toEqual([...HOST_PROVIDED, ...NEVER_LOADED_IN_AZURE].sort());
  });

  // Node outside the Functions host: @azure/functions warns that it registers nothing, and Rapport's start still runs.
  const load = (env: Record<string, string>) => {
    const run = spawnSync(process.execPath, ['-e', "require('./azure.js'); setTimeout(() => console.log('loaded'), 300)"], {
      cwd: copy,
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  it('loads on plain Node from its own folder and checks its settings at once, naming each missing one', () => {
    const run = load({});
    expect(run.stdout).toContain('loaded');
    expect(run.stderr).toContain('Rapport could not start');
    for (const name of Object.keys(PRODUCTION_ENV)) expect(run.stderr).toContain(name);
  });

  it("carries V8's code cache of its bundle, which this Node takes, and loads without it or with a damaged one", () => {
    const cache = fs.readFileSync(path.join(built.dir, API_BUNDLE_CACHE));
    // Taken by Node as the Functions host starts it (no flags; npm test runs jest with some, under which V8 would set
    // the cache aside): the entry says so when it does not.
    const taken = load({ ...PRODUCTION_ENV });
    expect(taken).toMatchObject({ status: 0, stdout: expect.stringContaining('loaded') });
    expect(taken.stderr).not.toContain('set aside the code cache');
    // Written after the bundle loaded once: it holds the functions loading compiled, well beyond the bare compile's.
    const bare = new vm.Script(Module.wrap(fs.readFileSync(built.bundle, 'utf8')), { filename: `${built.bundle}-bare` }).createCachedData();
    expect(cache.length).toBeGreaterThan(bare.length * 1.5);
    const copied = path.join(copy, API_BUNDLE_CACHE);
    try {
      fs.writeFileSync(copied, Buffer.from(cache.subarray(0, 1000).map((byte) => byte ^ 0xff)));
      expect(load({ ...PRODUCTION_ENV })).toMatchObject({ status: 0, stdout: expect.stringContaining('loaded') });
      fs.rmSync(copied);
      expect(load({ ...PRODUCTION_ENV })).toMatchObject({ status: 0, stdout: expect.stringContaining('loaded') });
    } finally {
      fs.writeFileSync(copied, cache);
    }
  });

  it('starts with production settings', () => {
    const run = load({ ...PRODUCTION_ENV });
    expect(run).toMatchObject({ status: 0, stdout: expect.stringContaining('loaded') });
    expect(run.stderr).not.toContain('could not start');
  });
});
