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

/** Checks an Entra application (client) id: a GUID. */
export function checkClientId(clientId: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(clientId)) throw new Error(`"${clientId}" is not an Entra application (client) id.`);
  return clientId;
}

/**
 * The manifest for another host: every local URL moved to `baseUrl`. With the Entra app's `clientId`, it also names
 * the app for Office's own sign-in (WebApplicationInfo), which the send-time checks use in Outlook's event runtime:
 * the token is for `api://{host}/{clientId}`, the Application ID URI the README's registration sets.
 */
export function renderManifest(xml: string, baseUrl: string, options: { clientId?: string } = {}): string {
  const base = checkBaseUrl(baseUrl);
  const rendered = xml.split(LOCAL_BASE_URL).join(base);
  if (!options.clientId) return rendered;
  checkClientId(options.clientId);
  const info = [
    '      <WebApplicationInfo>',
    `        <Id>${options.clientId}</Id>`,
    `        <Resource>api://${new URL(base).host}/${options.clientId}</Resource>`,
    '        <Scopes>',
    '          <Scope>openid</Scope>',
    '          <Scope>profile</Scope>',
    '        </Scopes>',
    '      </WebApplicationInfo>',
  ].join('\n');
  // After the Resources of VersionOverrides 1.1 (its schema's order), the only place Outlook reads it.
  const end = '    </VersionOverrides>\n  </VersionOverrides>';
  if (!rendered.includes(end)) throw new Error('manifest.xml has no VersionOverrides 1.1 to name the app in');
  return rendered.replace(end, `${info}\n${end}`);
}

// Parts of VersionOverrides 1.1 newer than the XSDs in ../shared/schemas (see their PROVENANCE.md): the event runtime, the
// launch events, and Outlook mobile's log card (MobileLogEventAppointmentAttendee). The schemas check the rest of the
// manifest with these set aside (MobileFormFactor and its MobileMessageReadCommandSurface they know); sendEventProblems
// and mobileProblems check them.
const RUNTIMES = /[ \t]*<Runtimes>[\s\S]*?<\/Runtimes>\n?/g;
const LAUNCH_EVENT_POINT = /[ \t]*<ExtensionPoint xsi:type="LaunchEvent">[\s\S]*?<\/ExtensionPoint>\n?/g;
const LOG_EVENT_POINT = /[ \t]*<ExtensionPoint xsi:type="MobileLogEventAppointmentAttendee">[\s\S]*?<\/ExtensionPoint>\n?/g;

/** The manifest without the parts the XSDs predate, for schema validation. */
export function withoutNewerParts(xml: string): string {
  return xml.replace(RUNTIMES, '').replace(LAUNCH_EVENT_POINT, '').replace(LOG_EVENT_POINT, '');
}

/** What the send-time checks' code expects of the manifest. */
export type SendEventExpectations = {
  /** The name events.js gives Office.actions.associate. */
  handlerName: string;
  /** The pane's button the Smart Alert's custom action opens (its `commandId`). */
  openPaneCommand: string;
};

/**
 * Structural checks of the event runtime and the OnMessageSend launch event, which no schema here knows: both inside
 * VersionOverrides 1.1 with a Mailbox requirement of at least 1.12; one runtime, its page and its JavaScript override
 * defined in Resources (HTML and .js); one OnMessageSend launch event, running the function events.js associates, with
 * SendMode PromptUser (Send Anyway always offered) and the runtime as its source; the pane's compose button the alert
 * opens.
 */
export function sendEventProblems(xml: string, expected: SendEventExpectations): string[] {
  const problems: string[] = [];
  const v11Start = xml.indexOf('xsi:type="VersionOverridesV1_1"');
  const v11 = v11Start >= 0 ? xml.slice(v11Start) : '';
  const outside = v11Start >= 0 ? xml.slice(0, v11Start) : xml;
  if (/<Runtimes>|xsi:type="LaunchEvent"/.test(outside)) problems.push('Runtimes and LaunchEvent belong in VersionOverrides 1.1 only');
  const minVersion = /<Requirements>\s*<bt:Sets DefaultMinVersion="([\d.]+)">\s*<bt:Set Name="Mailbox"/.exec(v11)?.[1];
  if (!minVersion || compareVersions(minVersion, '1.12') < 0) problems.push(`VersionOverrides 1.1 must require Mailbox 1.12 for OnMessageSend (it says ${minVersion ?? 'nothing'})`);

  const urls = new Map([...xml.matchAll(/<bt:Url id="([^"]+)" DefaultValue="([^"]*)"/g)].map((match) => [match[1] as string, match[2] as string]));
  const runtimes = [...v11.matchAll(/<Runtime resid="([^"]+)"(?:\s+lifetime="[^"]*")?>([\s\S]*?)<\/Runtime>/g)];
  if (runtimes.length !== 1) problems.push(`VersionOverrides 1.1 must have one event Runtime (it has ${runtimes.length})`);
  const [, pageId = '', runtimeBody = ''] = runtimes[0] ?? [];
  const scriptId = /<Override type="javascript" resid="([^"]+)"\s*\/>/.exec(runtimeBody)?.[1];
  if (!/\.html$/.test(urls.get(pageId) ?? '')) problems.push(`the Runtime's resid "${pageId}" must be a bt:Url of an HTML page (events.html)`);
  if (!scriptId) problems.push('the Runtime must override type="javascript" for classic Outlook on Windows');
  else if (!/\.js$/.test(urls.get(scriptId) ?? '')) problems.push(`the Runtime's javascript override "${scriptId}" must be a bt:Url of a .js file (events.js)`);

  const launchPoints = [...v11.matchAll(/<ExtensionPoint xsi:type="LaunchEvent">([\s\S]*?)<\/ExtensionPoint>/g)];
  if (launchPoints.length !== 1) problems.push(`VersionOverrides 1.1 must have one LaunchEvent extension point (it has ${launchPoints.length})`);
  const launch = launchPoints[0]?.[1] ?? '';
  const events = [...launch.matchAll(/<LaunchEvent\s+([^>]*?)\/>/g)].map((match) => Object.fromEntries([...(match[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]])));
  const onSend = events.filter((event) => event.Type === 'OnMessageSend');
  if (onSend.length !== 1) problems.push(`one OnMessageSend launch event is expected (found ${onSend.length})`);
  for (const event of onSend) {
    if (event.FunctionName !== expected.handlerName) problems.push(`OnMessageSend runs "${event.FunctionName ?? ''}", but events.js associates "${expected.handlerName}"`);
    if (event.SendMode !== 'PromptUser') problems.push(`OnMessageSend must have SendMode="PromptUser" so the rep can always send anyway (it has "${event.SendMode ?? 'none'}")`);
  }
  const source = /<SourceLocation resid="([^"]+)"\s*\/>/.exec(launch)?.[1];
  if (source !== pageId) problems.push(`the LaunchEvent's SourceLocation "${source ?? ''}" must be the Runtime's resid "${pageId}"`);

  const composeSurface = /<ExtensionPoint xsi:type="MessageComposeCommandSurface">([\s\S]*?)<\/ExtensionPoint>/.exec(v11)?.[1] ?? '';
  if (!composeSurface.includes(`<Control xsi:type="Button" id="${expected.openPaneCommand}">`) || !/xsi:type="ShowTaskpane"/.test(composeSurface)) {
    problems.push(`the Smart Alert opens "${expected.openPaneCommand}": a task pane button of the MessageComposeCommandSurface in VersionOverrides 1.1`);
  }
  return problems;
}

/** The extension points Outlook mobile offers an add-in (Microsoft's "Add-ins for Outlook on mobile devices"). */
const MOBILE_EXTENSION_POINTS = new Set(['MobileMessageReadCommandSurface', 'MobileLogEventAppointmentAttendee', 'MobileOnlineMeetingCommandSurface', 'LaunchEvent']);
/** A mobile button's icon: 25, 32 and 48 px, each at scales 1, 2 and 3. */
const MOBILE_ICON_SIZES = [25, 32, 48];
const MOBILE_ICON_SCALES = [1, 2, 3];

/**
 * Structural checks of the manifest's Outlook mobile part, where the XSDs here fall short (they predate
 * MobileLogEventAppointmentAttendee): one MobileFormFactor, in VersionOverrides 1.1 only, after the DesktopFormFactor of
 * its host; only extension points Outlook mobile offers; the message card (a group with a task pane button) and the
 * meeting's log card (one MobileButton straight in the extension point, no group, its action ShowTaskpane or
 * ExecuteFunction); every mobile icon a bt:MobileIconList of the nine size and scale pairs, each a defined image.
 */
export function mobileProblems(xml: string): string[] {
  const problems: string[] = [];
  const v11Start = xml.indexOf('xsi:type="VersionOverridesV1_1"');
  const v11 = v11Start >= 0 ? xml.slice(v11Start) : '';
  if (/<MobileFormFactor>/.test(v11Start >= 0 ? xml.slice(0, v11Start) : xml)) problems.push('MobileFormFactor belongs in VersionOverrides 1.1 only');
  const mobiles = [...v11.matchAll(/<MobileFormFactor>([\s\S]*?)<\/MobileFormFactor>/g)];
  if (mobiles.length !== 1) return [...problems, `VersionOverrides 1.1 must have one MobileFormFactor (it has ${mobiles.length})`];
  const host = /<Host xsi:type="MailHost">([\s\S]*?)<\/Host>/.exec(v11)?.[1] ?? '';
  const order = [...host.matchAll(/<(Runtimes|DesktopFormFactor|MobileFormFactor)>/g)].map((match) => match[1]);
  if (order.join(',') !== 'Runtimes,DesktopFormFactor,MobileFormFactor') problems.push(`the MailHost's children must come as Runtimes, DesktopFormFactor, MobileFormFactor (they come as ${order.join(', ')})`);
  const mobile = mobiles[0]?.[1] ?? '';
  const images = new Set([...xml.matchAll(/<bt:Image id="([^"]+)" DefaultValue="https:\/\/[^"]+\.png"/g)].map((match) => match[1]));

  const points = [...mobile.matchAll(/<ExtensionPoint xsi:type="([^"]+)">([\s\S]*?)<\/ExtensionPoint>/g)].map((match) => ({ type: match[1] as string, body: match[2] as string }));
  for (const point of points) if (!MOBILE_EXTENSION_POINTS.has(point.type)) problems.push(`Outlook mobile offers no ${point.type} extension point`);
  const read = points.filter((point) => point.type === 'MobileMessageReadCommandSurface');
  if (read.length !== 1) problems.push(`MobileFormFactor must have one MobileMessageReadCommandSurface (it has ${read.length})`);
  else if (!/^\s*<Group id="[^"]+">\s*<Label resid="[^"]+"\s*\/>\s*<Control xsi:type="MobileButton"/.test(read[0]?.body ?? '')) {
    problems.push('the MobileMessageReadCommandSurface must hold a Group (id, Label) of MobileButton controls');
  }
  const log = points.filter((point) => point.type === 'MobileLogEventAppointmentAttendee');
  if (log.length !== 1) problems.push(`MobileFormFactor must have one MobileLogEventAppointmentAttendee (it has ${log.length})`);
  else {
    const body = log[0]?.body ?? '';
    const controls = [...body.matchAll(/<Control xsi:type="([^"]+)" id="[^"]+">/g)];
    if (controls.length !== 1 || controls[0]?.[1] !== 'MobileButton' || !/^\s*<Control/.test(body)) {
      problems.push('the MobileLogEventAppointmentAttendee must hold one MobileButton Control, without a Group');
    }
    const action = /<Action xsi:type="([^"]+)">([\s\S]*?)<\/Action>/.exec(body);
    if (action?.[1] === 'ShowTaskpane' ? !/<SourceLocation resid="[^"]+"\s*\/>/.test(action[2] ?? '') : action?.[1] === 'ExecuteFunction' ? !/<FunctionName>[^<]+<\/FunctionName>/.test(action[2] ?? '') : true) {
      problems.push('the log card\'s button must ShowTaskpane (with a SourceLocation) or ExecuteFunction (with a FunctionName)');
    }
  }
  for (const control of mobile.matchAll(/<Control xsi:type="MobileButton" id="([^"]+)">([\s\S]*?)<\/Control>/g)) {
    const [, id = '', body = ''] = control;
    if (!/^\s*<Label resid="[^"]+"\s*\/>\s*<Icon xsi:type="bt:MobileIconList">[\s\S]*<\/Icon>\s*<Action /.test(body)) problems.push(`${id}: a MobileButton holds Label, Icon (xsi:type="bt:MobileIconList") and Action, in that order`);
    const icons = [...body.matchAll(/<bt:Image size="(\d+)" scale="(\d+)" resid="([^"]+)"\s*\/>/g)];
    const pairs = icons.map((icon) => `${icon[1]}@${icon[2]}`).sort();
    const wanted = MOBILE_ICON_SIZES.flatMap((size) => MOBILE_ICON_SCALES.map((scale) => `${size}@${scale}`)).sort();
    if (pairs.join(',') !== wanted.join(',')) problems.push(`${id}: its icons must be sizes 25, 32 and 48 at scales 1, 2 and 3, once each (it has ${pairs.join(', ') || 'none'})`);
    for (const icon of icons) if (!images.has(icon[3])) problems.push(`${id}: its icon "${icon[3]}" is not a PNG bt:Image of Resources`);
  }
  if (/<LaunchEvent Type="OnMessageSend"/.test(mobile)) problems.push('Outlook mobile raises no OnMessageSend: its LaunchEvent belongs in DesktopFormFactor');
  return problems;
}

// Requirement-set versions compare part by part: 1.12 is above 1.5.
function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/** Validates against Microsoft's XSDs (OfficeAppManifestV1_1.xsd and the files it imports), the parts they predate set aside. */
export async function schemaErrors(xml: string, schemaDir: string): Promise<string[]> {
  const files = fs.readdirSync(schemaDir).filter((name) => name.endsWith('.xsd'));
  const main = 'OfficeAppManifestV1_1.xsd';
  if (!files.includes(main)) throw new Error(`${main} is not in ${schemaDir}`);
  const read = (name: string) => ({ fileName: name, contents: fs.readFileSync(path.join(schemaDir, name), 'utf8') });
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: withoutNewerParts(xml) }],
    schema: [read(main)],
    preload: files.filter((name) => name !== main).map(read),
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage.trim());
}

/** Every check a manifest must pass before an admin sideloads it. */
export async function manifestProblems(xml: string, schemaDir: string, sendEvents: SendEventExpectations): Promise<string[]> {
  const problems = [...(await schemaErrors(xml, schemaDir)), ...sendEventProblems(xml, sendEvents), ...mobileProblems(xml)];
  for (const id of danglingResids(xml)) problems.push(`resid "${id}" is used but not defined in Resources`);
  for (const url of insecureUrls(xml)) problems.push(`${url} is not HTTPS`);
  return problems;
}
