// npm run manifest -- --base-url https://crm.example.com [--client-id <Entra app id>] [--out dist/manifest.xml] [--schemas ../shared/schemas/office-manifest]
// Writes manifest.xml for the HTTPS host that serves the add-in pages, after checking it. The client id lets the
// send-time checks sign in with Office's own token (WebApplicationInfo); without it they run in local mode only.
import fs from 'node:fs';
import path from 'node:path';
import { OPEN_PANE_COMMAND, SEND_HANDLER_NAME } from '../addin/src/events/send-handler';
import { manifestProblems, renderManifest } from './manifest-rules';

function option(name: string, fallback?: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const baseUrl = option('base-url');
  if (!baseUrl) throw new Error('Give the host: npm run manifest -- --base-url https://crm.example.com');
  const out = path.resolve(option('out', path.join(root, 'dist', 'manifest.xml')) as string);
  const schemas = path.resolve(option('schemas', path.join(root, '..', 'shared', 'schemas', 'office-manifest')) as string);
  const clientId = option('client-id');
  const xml = renderManifest(fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8'), baseUrl, clientId ? { clientId } : {});
  const problems = await manifestProblems(xml, schemas, { handlerName: SEND_HANDLER_NAME, openPaneCommand: OPEN_PANE_COMMAND });
  if (problems.length > 0) throw new Error(`The manifest is not valid:\n  ${problems.join('\n  ')}`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, xml);
  console.log(`Wrote ${path.relative(process.cwd(), out)} for ${baseUrl} (valid against ${path.relative(process.cwd(), schemas)}, its event runtime checked).`);
  if (!clientId) console.log('No --client-id: Outlook has no app to sign the send-time checks in with, so messages go unchecked (with a notice) until the manifest names it.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
