// npm run package -w functions (azd runs it before deploying the api service) — writes functions/deploy/: the Azure
// entry bundled into one file with everything it imports (@rapport/shared, the Azure SDKs, jose, zod), V8's code cache
// for it (written after the bundle loaded once, api-code-cache.cjs), the entry that loads the two (azure-entry.cjs,
// with bundle-loader.cjs), host.json, the quote PDF's fonts and a package.json naming the entry. The Function App needs
// no node_modules: npm workspaces keep dependencies at the repository's root, where a package of functions/ alone would
// not find them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { QUOTE_FONT_FILES, fontPackageDir } from '../functions/src/quotes/quote-fonts';

const functionsDir = path.resolve(__dirname, '../functions');
/** Where the package goes: azure.yaml's api service deploys this folder (`dist: deploy`). */
export const API_PACKAGE_DIR = path.join(functionsDir, 'deploy');

/** Provided by the Functions host's Node worker at run time, never installed. */
export const HOST_PROVIDED = ['@azure/functions-core'];
/** Required only when its code runs, which it never does in Azure: SQLite is the standalone host's store. */
export const NEVER_LOADED_IN_AZURE = ['better-sqlite3'];

export type ApiPackage = { dir: string; entry: string; bundle: string; metafile: Metafile };

/** The bundle, and V8's code cache for it: what the entry (azure.js, from azure-entry.cjs) loads. */
export const API_BUNDLE = 'rapport-api.js';
export const API_BUNDLE_CACHE = `${API_BUNDLE}.cache`;

/**
 * Production settings for the code cache's warm-up load: well-formed, so that the app starts as it does in Azure, and
 * never reached (the start builds its clients without a request; the warm-up's one request is refused before any).
 */
const WARM_UP_SETTINGS = {
  NODE_ENV: 'production',
  AUTH_MODE: 'entra',
  AUTH_AUDIENCE: 'api://rapport.invalid/00000000-0000-4000-8000-000000000000',
  AUTH_ALLOWED_TENANTS: '00000000-0000-4000-8000-000000000000',
  ADDIN_CLIENT_ID: '00000000-0000-4000-8000-000000000000',
  STORE: 'cosmos',
  COSMOS_ENDPOINT: 'https://rapport.invalid:443/',
  STORAGE_BLOB_ENDPOINT: 'https://rapport.invalid/',
};

/** Bundles functions/src/azure.ts into `outDir` (emptied first) with its code cache, its entry, host.json and package.json. */
export async function packageApi(outDir: string = API_PACKAGE_DIR): Promise<ApiPackage> {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const entry = path.join(outDir, 'azure.js');
  const bundle = path.join(outDir, API_BUNDLE);
  const result = await build({
    entryPoints: [path.join(functionsDir, 'src/azure.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Less to parse at a cold start: whitespace and syntax are minified, names kept (readable stack traces in
    // Application Insights, and the source map beside it).
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    // The shared domain from its sources, as ES modules: what the API does not use is left out, and its modules are not
    // copied export by export through CommonJS wrappers at load.
    alias: { '@rapport/shared': path.join(functionsDir, '../shared/src/index.ts') },
    external: [...HOST_PROVIDED, ...NEVER_LOADED_IN_AZURE],
    tsconfig: path.join(functionsDir, 'tsconfig.json'),
    metafile: true,
    logLevel: 'warning',
    legalComments: 'linked',
    // Packages whose ESM builds (taken for `import()`) find their files from import.meta.url (the storage SDK's CRC64
    // module) get this file's URL, as they would loaded as ESM.
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl' },
  });
  fs.copyFileSync(path.join(__dirname, 'azure-entry.cjs'), entry);
  fs.copyFileSync(path.join(__dirname, 'bundle-loader.cjs'), path.join(outDir, 'bundle-loader.cjs'));
  writeCodeCache(outDir);
  fs.copyFileSync(path.join(functionsDir, 'host.json'), path.join(outDir, 'host.json'));
  // The quote PDF's fonts are files, not code: esbuild leaves them out, so they go beside the bundle (quote-fonts.ts).
  fs.mkdirSync(path.join(outDir, 'fonts'));
  for (const file of [...Object.values(QUOTE_FONT_FILES).map((name) => `ttf/${name}`), 'LICENSE']) {
    fs.copyFileSync(path.join(fontPackageDir(), file), path.join(outDir, 'fonts', path.basename(file)));
  }
  const own = JSON.parse(fs.readFileSync(path.join(functionsDir, 'package.json'), 'utf8')) as { version: string };
  const manifest = { name: 'rapport-api', version: own.version, private: true, description: "Rapport's API for Azure Functions (bundled)", main: 'azure.js' };
  fs.writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir: outDir, entry, bundle, metafile: result.metafile };
}

/**
 * V8's code cache of the bundle, written by a process of its own once the bundle has loaded as the entry loads it: it
 * holds what loading compiled, not only the bundle's top level (a cold start's import about a fifth shorter).
 */
function writeCodeCache(outDir: string): void {
  // Node without flags, as the Functions host starts its worker: V8 sets aside a cache written under other flags
  // (NODE_OPTIONS=--max-old-space-size=…, say). A host given such flags (languageWorkers__node__arguments) compiles the
  // bundle instead, and says so in its log. Of this machine's environment, only what a process needs to start.
  const needed = ['PATH', 'Path', 'SystemRoot', 'SYSTEMROOT', 'TEMP', 'TMP', 'TMPDIR', 'HOME', 'USERPROFILE'];
  const env = Object.fromEntries(needed.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]])));
  const run = spawnSync(process.execPath, [path.join(__dirname, 'api-code-cache.cjs'), outDir], {
    env: { ...env, ...WARM_UP_SETTINGS },
    encoding: 'utf8',
    // The warm-up reaches nothing; a start that came to wait on the network fails the packaging rather than hang it.
    timeout: 120_000,
  });
  if (run.status !== 0 || !fs.existsSync(path.join(outDir, API_BUNDLE_CACHE))) {
    throw new Error(`Writing the code cache of ${API_BUNDLE} failed (exit ${run.status}${run.error ? `, ${run.error.message}` : ''}): ${run.stderr || run.stdout}`);
  }
}

if (require.main === module) {
  packageApi()
    .then(({ dir, bundle }) => console.log(`Wrote ${path.relative(process.cwd(), dir)} (${(fs.statSync(bundle).size / 1024 / 1024).toFixed(1)} MB bundle).`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
