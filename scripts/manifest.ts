// npm run manifest -- --base-url https://crm.example.com [--client-id <Entra app id>] [--out dist] [--schemas ../shared/schemas/office-manifest]
// Writes both manifests for the HTTPS host that serves the add-in pages, after checking them: manifest.xml (every Outlook,
// Outlook on Mac and Outlook mobile included) and the unified manifest for Microsoft 365 (manifest.json, and its app
// package rapport-app.zip for the admin center). The client id lets the send-time checks sign in with Office's own
// token (WebApplicationInfo, webApplicationInfo); without it they run in local mode only.
import fs from 'node:fs';
import path from 'node:path';
import { OPEN_PANE_COMMAND, SEND_HANDLER_NAME } from '../addin/src/events/send-handler';
import { zipFiles } from './app-package';
import { manifestProblems, renderManifest } from './manifest-rules';
import { manifestDisagreements, renderUnifiedManifest, unifiedPackageFiles, unifiedSchemaErrors, unifiedLocalizations } from './unified-manifest';

function option(name: string, fallback?: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const baseUrl = option('base-url');
  if (!baseUrl) throw new Error('Give the host: npm run manifest -- --base-url https://crm.example.com');
  // --out names the folder; a path ending in .xml (as before) names the XML file, the others going beside it.
  const given = path.resolve(option('out', path.join(root, 'dist')) as string);
  const out = given.endsWith('.xml') ? path.dirname(given) : given;
  const xmlFile = given.endsWith('.xml') ? given : path.join(out, 'manifest.xml');
  const schemas = path.resolve(option('schemas', path.join(root, '..', 'shared', 'schemas', 'office-manifest')) as string);
  const clientId = option('client-id');
  const options = clientId ? { clientId } : {};

  const xml = renderManifest(fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8'), baseUrl, options);
  const problems = await manifestProblems(xml, schemas, { handlerName: SEND_HANDLER_NAME, openPaneCommand: OPEN_PANE_COMMAND });
  if (problems.length > 0) throw new Error(`manifest.xml is not valid:\n  ${problems.join('\n  ')}`);
  const unified = renderUnifiedManifest(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'), baseUrl, options);
  const unifiedProblems = [...unifiedSchemaErrors(unified, unifiedLocalizations(unified, xml)), ...manifestDisagreements(xml, unified)];
  if (unifiedProblems.length > 0) throw new Error(`manifest.json is not valid, or does not say what manifest.xml says:\n  ${unifiedProblems.join('\n  ')}`);

  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(xmlFile, xml);
  const files = unifiedPackageFiles(unified, xml, path.join(root, 'addin', 'public', 'assets'));
  fs.writeFileSync(path.join(out, 'manifest.json'), files[0]?.data ?? '');
  fs.writeFileSync(path.join(out, 'rapport-app.zip'), zipFiles(files));
  const shown = (file: string) => path.relative(process.cwd(), file);
  console.log(`Wrote ${shown(xmlFile)} for ${baseUrl} (valid against ${shown(schemas)}, its event runtime and mobile part checked).`);
  console.log(`Wrote ${shown(path.join(out, 'manifest.json'))} and its app package ${shown(path.join(out, 'rapport-app.zip'))} (manifest version ${unified.manifestVersion}, valid against Microsoft's schema, in agreement with manifest.xml).`);
  if (!clientId) console.log('No --client-id: Outlook has no app to sign the send-time checks in with, so messages go unchecked (with a notice) until the manifests name it.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
