import fs from 'node:fs';
import path from 'node:path';
import { LOCAL_BASE_URL, checkBaseUrl, danglingResids, insecureUrls, manifestProblems, renderManifest, schemaErrors } from '../../scripts/manifest-rules';

const root = path.resolve(__dirname, '../..');
const schemas = path.resolve(root, '../shared/schemas/office-manifest');
const manifest = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');

describe('manifest.xml', () => {
  it("validates against Microsoft's schemas", async () => {
    expect(await schemaErrors(manifest, schemas)).toEqual([]);
  });

  it('shows the task pane from message read, compose, appointment organizer and attendee; pinnable where Outlook pins', () => {
    for (const surface of ['MessageReadCommandSurface', 'MessageComposeCommandSurface', 'AppointmentOrganizerCommandSurface', 'AppointmentAttendeeCommandSurface']) {
      expect(manifest).toContain(`<ExtensionPoint xsi:type="${surface}">`);
    }
    expect(manifest.match(/<Action xsi:type="ShowTaskpane">/g)).toHaveLength(4);
    // A compose window has its own pane: nothing to pin it across.
    expect(manifest.match(/<SupportsPinning>true<\/SupportsPinning>/g)).toHaveLength(3);
    expect(manifest).toContain('<Set Name="Mailbox" MinVersion="1.5" />');
    expect(manifest).toContain('<Rule xsi:type="ItemIs" ItemType="Message" FormType="Edit" />');
    // Writing into a draft (templates, free times) needs ReadWriteItem; admins consent again on the update.
    expect(manifest).toContain('<Permissions>ReadWriteItem</Permissions>');
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
    expect(await manifestProblems(rendered, schemas)).toEqual([]);
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
    const problems = await manifestProblems(broken, schemas);
    expect(problems.some((problem) => /ProviderName|DefaultLocale/.test(problem))).toBe(true);
    expect(problems).toContain('resid "Missing.Label" is used but not defined in Resources');
  });
});
