import fs from 'node:fs';
import path from 'node:path';
import { OPEN_PANE_COMMAND } from '../../addin/src/events/send-handler';
import { LOCAL_BASE_URL, checkBaseUrl, danglingResids, insecureUrls, manifestProblems, renderManifest, schemaErrors, sendEventProblems, withoutEventParts } from '../../scripts/manifest-rules';
import { loadEventRuntime } from './event-runtime';

const root = path.resolve(__dirname, '../..');
const schemas = path.resolve(root, '../shared/schemas/office-manifest');
const manifest = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
// What the built events.js associates with Office.actions (it runs in a JavaScript-only context, as Outlook runs it).
const handlerName = loadEventRuntime({ answer: () => ({ status: 404 }) }).associated[0] ?? '(none)';
const expected = { handlerName, openPaneCommand: OPEN_PANE_COMMAND };

describe('manifest.xml', () => {
  it("validates against Microsoft's schemas", async () => {
    expect(await schemaErrors(manifest, schemas)).toEqual([]);
  });

  it('shows the task pane from message read, compose, appointment organizer and attendee; pinnable where Outlook pins', () => {
    for (const surface of ['MessageReadCommandSurface', 'MessageComposeCommandSurface', 'AppointmentOrganizerCommandSurface', 'AppointmentAttendeeCommandSurface']) {
      // Once for Outlook below Mailbox 1.12 (VersionOverrides 1.0), once for the rest (1.1, with send-time checks).
      expect(manifest.match(new RegExp(`<ExtensionPoint xsi:type="${surface}">`, 'g'))).toHaveLength(2);
    }
    expect(manifest.match(/<Action xsi:type="ShowTaskpane">/g)).toHaveLength(8);
    // A compose window has its own pane: nothing to pin it across. VersionOverrides 1.0 knows no pinning.
    expect(manifest.match(/<SupportsPinning>true<\/SupportsPinning>/g)).toHaveLength(3);
    expect(manifest).toContain('<Set Name="Mailbox" MinVersion="1.5" />');
    expect(manifest).toContain('<Rule xsi:type="ItemIs" ItemType="Message" FormType="Edit" />');
    // Writing into a draft (templates, free times) needs ReadWriteItem; admins consent again on the update.
    expect(manifest).toContain('<Permissions>ReadWriteItem</Permissions>');
  });

  it("keeps Outlook below Mailbox 1.12 on the same buttons, and gives the rest the send-time checks (the XSDs, which predate them, check everything else)", () => {
    const [fallback, current] = manifest.split('xsi:type="VersionOverridesV1_1"') as [string, string];
    expect(fallback).toMatch(/<bt:Sets DefaultMinVersion="1\.5">/);
    expect(current).toMatch(/<bt:Sets DefaultMinVersion="1\.12">/);
    const controls = (part: string) => [...part.matchAll(/<Control xsi:type="Button" id="([^"]+)">/g)].map((match) => match[1]);
    expect(controls(fallback)).toEqual(controls(current));
    expect(current).toContain('<LaunchEvent Type="OnMessageSend" FunctionName="onMessageSendHandler" SendMode="PromptUser" />');
    expect(sendEventProblems(manifest, expected)).toEqual([]);
    const set = withoutEventParts(manifest);
    expect(set).not.toMatch(/Runtimes|LaunchEvent/);
    expect(set.length).toBeLessThan(manifest.length);
  });

  it('runs the very function the built events.js associates, from events.html and events.js', () => {
    expect(handlerName).toBe('onMessageSendHandler');
    expect(manifest).toContain(`FunctionName="${handlerName}"`);
    expect(manifest).toContain('<bt:Url id="SendChecks.Page" DefaultValue="https://localhost:3000/events.html" />');
    expect(manifest).toContain('<bt:Url id="SendChecks.Script" DefaultValue="https://localhost:3000/events.js" />');
    const page = fs.readFileSync(path.join(root, 'addin/public/events.html'), 'utf8');
    expect(page).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    expect(page.indexOf('office.js')).toBeLessThan(page.indexOf('<script src="events.js"></script>'));
  });

  it.each([
    ['a FunctionName events.js does not associate', (xml: string) => xml.replace('FunctionName="onMessageSendHandler"', 'FunctionName="onSend"'), 'OnMessageSend runs "onSend", but events.js associates "onMessageSendHandler"'],
    ['SendMode SoftBlock, which offers no Send Anyway', (xml: string) => xml.replace('SendMode="PromptUser"', 'SendMode="SoftBlock"'), 'SendMode="PromptUser"'],
    ['a runtime script with no resource', (xml: string) => xml.replace('<Override type="javascript" resid="SendChecks.Script" />', '<Override type="javascript" resid="Missing.Script" />'), 'must be a bt:Url of a .js file'],
    ['a launch event from another page than the runtime', (xml: string) => xml.replace('<SourceLocation resid="SendChecks.Page" />', '<SourceLocation resid="Taskpane.Url" />'), 'must be the Runtime\'s resid'],
    ['send-time checks required below Mailbox 1.12', (xml: string) => xml.replace('DefaultMinVersion="1.12"', 'DefaultMinVersion="1.5"'), 'must require Mailbox 1.12'],
    ['a Create contact button the manifest lacks', (xml: string) => xml.split('id="MessageCompose.OpenPane"').join('id="Compose.Pane"'), 'opens "MessageCompose.OpenPane"'],
  ])('finds %s', (_, breakIt, problem) => {
    expect(sendEventProblems(breakIt(manifest), expected).join('\n')).toContain(problem);
  });

  it('refers only to defined resources and real PNG icons at 16, 32, 64, 80 and 128 pixels', () => {
    expect(danglingResids(manifest)).toEqual([]);
    for (const size of [16, 32, 64, 80, 128]) {
      expect(manifest).toContain(`${LOCAL_BASE_URL}/assets/icon-${size}.png`);
      const png = fs.readFileSync(path.join(root, 'addin/public/assets', `icon-${size}.png`));
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('has its strings in English, Spanish, Portuguese and Italian', () => {
    const strings = [...manifest.matchAll(/<bt:String id="([^"]+)"[\s\S]*?<\/bt:String>/g)];
    expect(strings.length).toBeGreaterThanOrEqual(3);
    for (const [block, id] of strings) {
      for (const locale of ['es-ES', 'pt-BR', 'it-IT']) expect([id, block.includes(`Locale="${locale}"`)]).toEqual([id, true]);
    }
    for (const locale of ['es-ES', 'pt-BR', 'it-IT']) expect(manifest.match(new RegExp(`<Override Locale="${locale}"`, 'g'))).toHaveLength(2);
  });
});

describe('rendering the manifest for a host', () => {
  it('moves every URL to the host and stays valid', async () => {
    const rendered = renderManifest(manifest, 'https://crm.example.com/');
    expect(rendered).not.toContain('localhost');
    expect(rendered).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://crm.example.com/taskpane.html" />');
    expect(rendered).toContain('<bt:Url id="SendChecks.Script" DefaultValue="https://crm.example.com/events.js" />');
    expect(await manifestProblems(rendered, schemas, expected)).toEqual([]);
  });

  it("names the Entra app for Office's sign-in in the send-time checks when given its client id, and stays valid", async () => {
    const clientId = '0b9c4e61-7d2a-4f3b-8e5c-1a2b3c4d5e6f';
    const rendered = renderManifest(manifest, 'https://crm.example.com', { clientId });
    expect(rendered).toContain(`<WebApplicationInfo>\n        <Id>${clientId}</Id>\n        <Resource>api://crm.example.com/${clientId}</Resource>`);
    expect(await manifestProblems(rendered, schemas, expected)).toEqual([]);
    expect(() => renderManifest(manifest, 'https://crm.example.com', { clientId: 'not-an-id' })).toThrow();
  });

  it.each(['http://crm.example.com', 'ftp://crm.example.com', 'crm.example.com', 'https://crm.example.com/?x=1'])('refuses %s', (url) => {
    expect(() => checkBaseUrl(url)).toThrow();
  });

  it('reports a dangling resid, a non-https URL and a schema error', async () => {
    const broken = manifest
      .replace('<Label resid="Group.Label" />', '<Label resid="Missing.Label" />')
      .replace('<AppDomain>https://login.microsoftonline.com</AppDomain>', '<AppDomain>http://insecure.example.com</AppDomain>')
      .replace('<ProviderName>Rapport</ProviderName>', '');
    expect(danglingResids(broken)).toEqual(['Missing.Label']);
    expect(insecureUrls(broken)).toEqual(['http://insecure.example.com']);
    const problems = await manifestProblems(broken, schemas, expected);
    expect(problems.some((problem) => /ProviderName|DefaultLocale/.test(problem))).toBe(true);
    expect(problems).toContain('resid "Missing.Label" is used but not defined in Resources');
  });
});
