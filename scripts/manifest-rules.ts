import fs from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

/** The host the committed manifest.xml points at, replaced when rendering for another host. */
export const LOCAL_BASE_URL = 'https://localhost:3000';

/** Checks a base URL for a deployable manifest: HTTPS, no path beyond "/", no query or fragment. */
export function checkBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`"${raw}" is not a URL. Give the HTTPS origin that serves the add-in pages, e.g. https://crm.example.com`);
  }
  if (url.protocol !== 'https:') throw new Error(`Office loads add-ins over HTTPS only; "${raw}" is ${url.protocol.replace(':', '')}.`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`"${raw}" must be a plain origin, without query, fragment or credentials.`);
  return url.toString().replace(/\/$/, '');
}

/** Resource ids the manifest refers to (`resid="…"`) that its Resources do not define. */
export function danglingResids(xml: string): string[] {
  const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((match) => match[1]));
  const used = new Set([...xml.matchAll(/\bresid="([^"]+)"/g)].map((match) => match[1] as string));
  return [...used].filter((id) => !defined.has(id)).sort();
}

/** URLs in the manifest that are not HTTPS (Office refuses them). */
export function insecureUrls(xml: string): string[] {
  return [...xml.matchAll(/(?:DefaultValue|Value)="(http:\/\/[^"]*)"|<(?:AppDomain|SourceLocation)>(http:\/\/[^<]*)</g)].map((match) => (match[1] ?? match[2]) as string);
}

/** The manifest for another host: every local URL moved to `baseUrl`. */
export function renderManifest(xml: string, baseUrl: string): string {
  return xml.split(LOCAL_BASE_URL).join(checkBaseUrl(baseUrl));
}

/** Validates against Microsoft's XSDs (OfficeAppManifestV1_1.xsd and the files it imports). */
export async function schemaErrors(xml: string, schemaDir: string): Promise<string[]> {
  const files = fs.readdirSync(schemaDir).filter((name) => name.endsWith('.xsd'));
  const main = 'OfficeAppManifestV1_1.xsd';
  if (!files.includes(main)) throw new Error(`${main} is not in ${schemaDir}`);
  const read = (name: string) => ({ fileName: name, contents: fs.readFileSync(path.join(schemaDir, name), 'utf8') });
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [read(main)],
    preload: files.filter((name) => name !== main).map(read),
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage.trim());
}

/** Every check a manifest must pass before an admin sideloads it. */
export async function manifestProblems(xml: string, schemaDir: string): Promise<string[]> {
  const problems = await schemaErrors(xml, schemaDir);
  for (const id of danglingResids(xml)) problems.push(`resid "${id}" is used but not defined in Resources`);
  for (const url of insecureUrls(xml)) problems.push(`${url} is not HTTPS`);
  return problems;
}
