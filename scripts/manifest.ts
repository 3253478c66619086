// npm run manifest -- --base-url https://crm.example.com [--out dist/manifest.xml] [--schemas ../shared/schemas/office-manifest]
// Writes manifest.xml for the HTTPS host that serves the add-in pages, after checking it.
import fs from 'node:fs';
import path from 'node:path';
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
  const xml = renderManifest(fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8'), baseUrl);
  const problems = await manifestProblems(xml, schemas);
  if (problems.length > 0) throw new Error(`The manifest is not valid:\n  ${problems.join('\n  ')}`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, xml);
  console.log(`Wrote ${path.relative(process.cwd(), out)} for ${baseUrl} (valid against ${path.relative(process.cwd(), schemas)}).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
