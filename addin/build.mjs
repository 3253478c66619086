// Builds the add-in's pages into dist/: the production task pane (taskpane.js, loaded after
// Office.js from Microsoft's CDN), and the demo's simulated Outlook, which is never part of it.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import { fluentPackages } from './build-plugins/fluent-packages.mjs';
import { fluentTokens } from './build-plugins/fluent-tokens.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const outdir = path.join(here, 'dist');
fs.rmSync(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  target: ['es2020', 'chrome100', 'edge100', 'safari15'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  tsconfig: path.join(here, 'tsconfig.json'),
  logLevel: 'warning',
  legalComments: 'none',
};

// The API's route table, computed from the contract (shared's build) and inlined as JSON: the pane's client gets
// every route's method and path without loading zod or a schema.
const { routeTable, compactRouteTable } = createRequire(import.meta.url)(path.join(here, '../shared/dist/contract/route-table.js'));
// The same for the fields of each kind's patch, which only the record view's chunk imports.
const { fieldTable } = createRequire(import.meta.url)(path.join(here, '../shared/dist/contract/field-table.js'));
const inlineRouteTable = {
  name: 'inline-route-table',
  setup(build) {
    build.onLoad({ filter: /[\\/]addin[\\/]src[\\/]api[\\/]route-table\.ts$/ }, () => ({
      contents: `import { expandRouteTable } from '@rapport/shared/contract/route-table-expand';\nexport const routeTable = expandRouteTable(${JSON.stringify(compactRouteTable(routeTable))});`,
      loader: 'js',
    }));
    build.onLoad({ filter: /[\\/]addin[\\/]src[\\/]api[\\/]field-table\.ts$/ }, () => ({
      contents: `export const fieldTable = ${JSON.stringify(fieldTable)};`,
      loader: 'js',
    }));
  },
};
// Outlook's themes are plain maps of token values: inlined as data, so the pane's first JavaScript carries neither the
// palettes nor the code that builds them (and the dark and high-contrast ones load only when used).
const { webLightTheme, webDarkTheme, teamsHighContrastTheme } = createRequire(import.meta.url)('@fluentui/tokens');
const inlineThemes = {
  name: 'inline-themes',
  setup(build) {
    build.onLoad({ filter: /[\\/]addin[\\/]src[\\/]taskpane[\\/]other-themes\.ts$/ }, () => ({
      contents: `export const webDarkTheme = ${JSON.stringify(webDarkTheme)}; export const teamsHighContrastTheme = ${JSON.stringify(teamsHighContrastTheme)};`,
      loader: 'js',
    }));
    build.onLoad({ filter: /[\\/]addin[\\/]src[\\/]taskpane[\\/]light-theme\.ts$/ }, () => ({
      contents: `export const webLightTheme = ${JSON.stringify(webLightTheme)};`,
      loader: 'js',
    }));
  },
};
common.plugins = [inlineRouteTable, inlineThemes, fluentPackages(), fluentTokens()];

// ES modules with splitting, so code only some users need (MSAL) loads on demand.
const production = await esbuild.build({
  ...common,
  entryPoints: { taskpane: path.join(here, 'src/taskpane/index.tsx') },
  outdir,
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
});
// The dashboard, a page of its own: charts stay out of the pane's JavaScript.
const dashboard = await esbuild.build({
  ...common,
  metafile: true,
  entryPoints: { dashboard: path.join(here, 'src/dashboard/index.tsx') },
  outdir,
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
// The record pages (/records/{kind}/{id}), a page of their own: the pane's record view at a page's width, none of it in
// the pane's JavaScript.
await esbuild.build({
  ...common,
  entryPoints: { records: path.join(here, 'src/records/index.tsx') },
  outdir,
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
// Outlook's event runtime (send-time checks): one small IIFE with no imports, no React and no Fluent, because classic
// Outlook on Windows loads it alone in a JavaScript-only runtime; events.html loads it after Office.js elsewhere.
await esbuild.build({
  ...common,
  plugins: [],
  entryPoints: { events: path.join(here, 'src/events/index.ts') },
  outdir,
  format: 'iife',
  // The JavaScript runtime of classic Outlook predates some syntax the pane's browsers have.
  target: ['es2017'],
  metafile: false,
});
// Production only, opened by Office where nested app authentication is missing.
await esbuild.build({ ...common, entryPoints: { 'auth-dialog': path.join(here, 'src/office/auth-dialog-page.ts') }, outdir, format: 'esm' });
await esbuild.build({
  ...common,
  entryPoints: {
    demo: path.join(here, 'src/demo/index.tsx'),
    'office-simulator': path.join(here, 'src/demo/office-simulator.ts'),
    // The demo's event runtime: a worker that loads the add-in's own events.js, as Outlook's runtime does.
    'send-event-worker': path.join(here, 'src/demo/send-event-worker.ts'),
  },
  outdir: path.join(outdir, 'demo'),
});
fs.cpSync(path.join(here, 'public'), outdir, { recursive: true });

// The demo's pane is the production page with one change: the simulated Office host instead of Office.js.
const officeJs = '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>';
const productionPage = fs.readFileSync(path.join(outdir, 'taskpane.html'), 'utf8');
if (!productionPage.includes(officeJs)) throw new Error('taskpane.html must load Office.js from the CDN');
fs.writeFileSync(
  path.join(outdir, 'demo-taskpane.html'),
  productionPage.replace(officeJs, '<script src="demo/office-simulator.js"></script>').replace(/<!-- Office.js from[^>]*-->\n\s*/, ''),
);

/** The chunks an output imports statically, and theirs in turn (paths as esbuild gives them). */
function staticImportsOf(metafile, output, found = new Set()) {
  for (const imported of metafile.outputs[output]?.imports ?? []) {
    if (imported.kind !== 'import-statement' || found.has(imported.path)) continue;
    found.add(imported.path);
    staticImportsOf(metafile, imported.path, found);
  }
  return found;
}

// A page's static chunks are preloaded with its entry rather than discovered after it loads. So are the chunks that
// the parts it loads later share and import (`laterFrom`: the module whose import()s load those parts, such as the
// dashboard's tab parts): each part's own chunk is fetched when the page asks for it, and what it imports is then here,
// not one more round trip after it.
function preloadStaticChunks(metafile, entry, pages, laterFrom) {
  const later = laterFrom ? (metafile.inputs[laterFrom]?.imports ?? []).filter((imported) => imported.kind === 'dynamic-import').map((imported) => imported.path) : [];
  if (laterFrom && later.length === 0) throw new Error(`${laterFrom} loads no part later: is it still the module that does?`);
  const entryOutput = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint?.endsWith(entry));
  // The entry's own imports first, in its order (the order the browser asks for them), then what those import.
  const direct = (entryOutput?.[1].imports ?? []).filter((imported) => imported.kind === 'import-statement').map((imported) => imported.path);
  const staticChunks = [...new Set([...direct, ...staticImportsOf(metafile, entryOutput?.[0])])];
  const laterParts = Object.keys(metafile.outputs).filter((output) => later.includes(metafile.outputs[output].entryPoint));
  if (laterParts.length !== later.length) throw new Error(`${entry}: no chunk of its own for some of ${later.join(', ')}`);
  const sharedLater = [...new Set(laterParts.flatMap((part) => [...staticImportsOf(metafile, part)]))].filter((chunk) => !staticChunks.includes(chunk));
  const preloads = [...staticChunks, ...sharedLater].map((chunk) => `<link rel="modulepreload" href="${path.relative(outdir, chunk)}" />`).join('\n    ');
  for (const page of pages) {
    const file = path.join(outdir, page);
    const html = fs.readFileSync(file, 'utf8');
    if (!html.includes('<!-- modulepreload -->')) throw new Error(`${page} must say where its preloads go: <!-- modulepreload -->`);
    fs.writeFileSync(file, html.replace('<!-- modulepreload -->', preloads));
  }
}
preloadStaticChunks(production.metafile, 'taskpane/index.tsx', ['taskpane.html', 'demo-taskpane.html']);
preloadStaticChunks(dashboard.metafile, 'dashboard/index.tsx', ['dashboard.html'], 'src/dashboard/tab-parts.tsx');
fs.writeFileSync(path.join(outdir, 'taskpane.meta.json'), JSON.stringify(production.metafile));
fs.writeFileSync(path.join(outdir, 'dashboard.meta.json'), JSON.stringify(dashboard.metafile));
