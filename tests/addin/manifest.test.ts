import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { OPEN_PANE_COMMAND } from '../../addin/src/events/send-handler';
import { LOCAL_BASE_URL, checkBaseUrl, danglingResids, insecureUrls, manifestProblems, mobileProblems, renderManifest, schemaErrors, sendEventProblems, withoutNewerParts } from '../../scripts/manifest-rules';
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
    // Eight on the desktop, and two on the phone (the message card, the meeting's log card).
    expect(manifest.match(/<Action xsi:type="ShowTaskpane">/g)).toHaveLength(10);
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
    const set = withoutNewerParts(manifest);
    expect(set).not.toMatch(/<Runtimes>|xsi:type="LaunchEvent"|xsi:type="MobileLogEventAppointmentAttendee"/);
    // The mobile part the XSDs know stays, for them to check.
    expect(set).toContain('<ExtensionPoint xsi:type="MobileMessageReadCommandSurface">');
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

  it('refers only to defined resources and real PNG icons at 16, 25, 32, 48, 64, 80 and 128 pixels, and the grey log icons at 25, 32 and 48', () => {
    expect(danglingResids(manifest)).toEqual([]);
    const icons = [...[16, 25, 32, 48, 64, 80, 128].map((size) => ({ name: `icon-${size}.png`, size })), ...[25, 32, 48].map((size) => ({ name: `log-${size}.png`, size }))];
    for (const { name, size } of icons) {
      expect(manifest).toContain(`${LOCAL_BASE_URL}/assets/${name}`);
      expect([name, pngSize(fs.readFileSync(path.join(root, 'addin/public/assets', name)))]).toEqual([name, [size, size]]);
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

describe('the phone: manifest.xml\'s MobileFormFactor', () => {
  const mobile = /<MobileFormFactor>([\s\S]*?)<\/MobileFormFactor>/.exec(manifest)?.[1] ?? '';

  it('offers the card in message read and the meeting\'s log card as attendee, both opening the task pane, in VersionOverrides 1.1 after the desktop', () => {
    expect(mobileProblems(manifest)).toEqual([]);
    const [fallback, current] = manifest.split('xsi:type="VersionOverridesV1_1"') as [string, string];
    expect(fallback).not.toContain('MobileFormFactor');
    expect(current.indexOf('</DesktopFormFactor>')).toBeLessThan(current.indexOf('<MobileFormFactor>'));
    expect([...mobile.matchAll(/<ExtensionPoint xsi:type="([^"]+)">/g)].map((match) => match[1])).toEqual(['MobileMessageReadCommandSurface', 'MobileLogEventAppointmentAttendee']);
    const log = /<ExtensionPoint xsi:type="MobileLogEventAppointmentAttendee">([\s\S]*?)<\/ExtensionPoint>/.exec(mobile)?.[1] ?? '';
    // No group on the log card: Outlook shows its own card, with its own "Log" button, under the meeting.
    expect(log).toMatch(/^\s*<Control xsi:type="MobileButton" id="MobileLogEvent.LogMeeting">\s*<Label resid="LogMeeting.Label" \/>/);
    expect(log).toContain('<Action xsi:type="ShowTaskpane">\n                  <SourceLocation resid="Taskpane.Url" />');
    // Outlook mobile raises no OnMessageSend: the phone sends without the checks.
    expect(mobile).not.toContain('LaunchEvent');
  });

  it('gives each mobile button the nine icons Outlook mobile asks for, grey (#919191) on the log card', () => {
    for (const [id, prefix] of [['MobileMessageRead.OpenPane', 'Icon'], ['MobileLogEvent.LogMeeting', 'LogIcon']] as const) {
      const control = new RegExp(`<Control xsi:type="MobileButton" id="${id.replace('.', '\\.')}">([\\s\\S]*?)</Control>`).exec(mobile)?.[1] ?? '';
      const images = [...control.matchAll(/<bt:Image size="(\d+)" scale="(\d+)" resid="([^"]+)" \/>/g)].map((match) => `${match[1]}@${match[2]} ${match[3]}`);
      expect(images).toEqual([25, 32, 48].flatMap((size) => [1, 2, 3].map((scale) => `${size}@${scale} ${prefix}.${size}`)));
    }
    for (const size of [25, 32, 48]) {
      const colours = opaqueColours(fs.readFileSync(path.join(root, 'addin/public/assets', `log-${size}.png`)));
      expect(colours).toEqual(['145,145,145']);
    }
  });

  it("lets Microsoft's XSDs check the message card (they know MobileFormFactor), and its own checks the log card (they predate it)", async () => {
    const oneIconShort = manifest.replace('<bt:Image size="48" scale="3" resid="Icon.48" />', '');
    expect((await schemaErrors(oneIconShort, schemas)).join('\n')).toMatch(/MobileIconList|Image/);
    expect(mobileProblems(oneIconShort).join('\n')).toContain('MobileMessageRead.OpenPane: its icons must be sizes 25, 32 and 48');
  });

  it.each([
    ['the log card inside a group', (xml: string) => xml.replace('<Control xsi:type="MobileButton" id="MobileLogEvent.LogMeeting">', '<Group id="Log.Group"><Label resid="Group.Label" /><Control xsi:type="MobileButton" id="MobileLogEvent.LogMeeting">').replace('</Control>\n            </ExtensionPoint>\n          </MobileFormFactor>', '</Control></Group>\n            </ExtensionPoint>\n          </MobileFormFactor>'), 'one MobileButton Control, without a Group'],
    ['a desktop Button on the log card', (xml: string) => xml.replace('<Control xsi:type="MobileButton" id="MobileLogEvent.LogMeeting">', '<Control xsi:type="Button" id="MobileLogEvent.LogMeeting">'), 'one MobileButton Control'],
    ['a desktop icon size on the phone', (xml: string) => xml.replace('<bt:Image size="48" scale="3" resid="LogIcon.48" />', '<bt:Image size="80" scale="3" resid="LogIcon.48" />'), 'sizes 25, 32 and 48 at scales 1, 2 and 3'],
    ['an icon list without its mobile type', (xml: string) => xml.replace('<Icon xsi:type="bt:MobileIconList">', '<Icon>'), 'Icon (xsi:type="bt:MobileIconList")'],
    ['an icon that is not an image of Resources', (xml: string) => xml.replace('<bt:Image size="25" scale="1" resid="LogIcon.25" />', '<bt:Image size="25" scale="1" resid="Taskpane.Url" />'), 'its icon "Taskpane.Url" is not a PNG bt:Image'],
    ['the log card without a pane to show', (xml: string) => xml.replace('<Action xsi:type="ShowTaskpane">\n                  <SourceLocation resid="Taskpane.Url" />', '<Action xsi:type="ShowTaskpane">\n'), 'must ShowTaskpane (with a SourceLocation) or ExecuteFunction'],
    ['a surface Outlook mobile does not offer', (xml: string) => xml.replace('<ExtensionPoint xsi:type="MobileMessageReadCommandSurface">', '<ExtensionPoint xsi:type="MobileAppointmentAttendeeCommandSurface">'), 'Outlook mobile offers no MobileAppointmentAttendeeCommandSurface'],
    ['the phone before the desktop', (xml: string) => {
      const part = /[ \t]*<MobileFormFactor>[\s\S]*?<\/MobileFormFactor>\n/.exec(xml)?.[0] ?? '';
      return xml.replace(part, '').replace('          <DesktopFormFactor>\n            <ExtensionPoint xsi:type="MessageReadCommandSurface">\n              <OfficeTab id="TabDefault">\n                <Group id="MessageRead.Group">\n                  <Label resid="Group.Label" />\n                  <Control xsi:type="Button" id="MessageRead.OpenPane">\n                    <Label resid="OpenPane.Label" />\n                    <Supertip>\n                      <Title resid="OpenPane.Label" />\n                      <Description resid="OpenPane.Tooltip" />\n                    </Supertip>\n                    <Icon>\n                      <bt:Image size="16" resid="Icon.16" />\n                      <bt:Image size="32" resid="Icon.32" />\n                      <bt:Image size="80" resid="Icon.80" />\n                    </Icon>\n                    <Action xsi:type="ShowTaskpane">\n                      <SourceLocation resid="Taskpane.Url" />\n                      <SupportsPinning>true', `${part}          <DesktopFormFactor>\n            <ExtensionPoint xsi:type="MessageReadCommandSurface">\n              <OfficeTab id="TabDefault">\n                <Group id="MessageRead.Group">\n                  <Label resid="Group.Label" />\n                  <Control xsi:type="Button" id="MessageRead.OpenPane">\n                    <Label resid="OpenPane.Label" />\n                    <Supertip>\n                      <Title resid="OpenPane.Label" />\n                      <Description resid="OpenPane.Tooltip" />\n                    </Supertip>\n                    <Icon>\n                      <bt:Image size="16" resid="Icon.16" />\n                      <bt:Image size="32" resid="Icon.32" />\n                      <bt:Image size="80" resid="Icon.80" />\n                    </Icon>\n                    <Action xsi:type="ShowTaskpane">\n                      <SourceLocation resid="Taskpane.Url" />\n                      <SupportsPinning>true`);
    }, 'must come as Runtimes, DesktopFormFactor, MobileFormFactor'],
    ['the phone in VersionOverrides 1.0', (xml: string) => xml.replace('        </DesktopFormFactor>\n      </Host>\n    </Hosts>\n    <Resources>', `        </DesktopFormFactor>\n        <MobileFormFactor>\n          <ExtensionPoint xsi:type="MobileMessageReadCommandSurface"></ExtensionPoint>\n        </MobileFormFactor>\n      </Host>\n    </Hosts>\n    <Resources>`), 'MobileFormFactor belongs in VersionOverrides 1.1 only'],
  ])('finds %s', (_, breakIt, problem) => {
    const broken = breakIt(manifest);
    expect(broken).not.toEqual(manifest);
    expect(mobileProblems(broken).join('\n')).toContain(problem);
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

/** A PNG's width and height, from its IHDR. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/** The colours (r,g,b) of a PNG's pixels that are not fully transparent: for the 8-bit RGBA, unfiltered PNGs make-icons writes. */
function opaqueColours(png: Buffer): string[] {
  const [width] = pngSize(png);
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(chunks));
  const colours = new Set<string>();
  for (let row = 0; row * (width * 4 + 1) < raw.length; row++) {
    const start = row * (width * 4 + 1);
    expect(raw[start]).toBe(0);
    for (let x = 0; x < width; x++) {
      const [r, g, b, a] = raw.subarray(start + 1 + x * 4, start + 5 + x * 4);
      if (a !== 0) colours.add(`${r},${g},${b}`);
    }
  }
  return [...colours];
}
