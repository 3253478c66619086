import fs from 'node:fs';
import path from 'node:path';
import { unzipFiles, zipFiles } from '../../scripts/app-package';
import {
  manifestDisagreements,
  renderUnifiedManifest,
  unifiedFacts,
  unifiedLocalizations,
  unifiedPackageFiles,
  unifiedSchemaErrors,
  unifiedSchemaFile,
  xmlFacts,
  type UnifiedManifest,
} from '../../scripts/unified-manifest';
import { renderManifest } from '../../scripts/manifest-rules';

const root = path.resolve(__dirname, '../..');
const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const template = fs.readFileSync(path.join(root, 'manifest.json'), 'utf8');
const local = JSON.parse(template) as UnifiedManifest;
const assets = path.join(root, 'addin/public/assets');
const clientId = '0b9c4e61-7d2a-4f3b-8e5c-1a2b3c4d5e6f';

// A deep copy to break.
const copy = (manifest: UnifiedManifest): UnifiedManifest => JSON.parse(JSON.stringify(manifest)) as UnifiedManifest;
type Ribbon = { requirements: { formFactors: string[] }; contexts: string[]; tabs: { customMobileRibbonGroups?: { controls: { icons: unknown[] }[] }[] }[] };
const ribbons = (manifest: UnifiedManifest) => (manifest.extensions as { ribbons: Ribbon[] }[])[0]!.ribbons;
const autoRun = (manifest: UnifiedManifest) => (manifest.extensions as { autoRunEvents: { events: { options: { sendMode: string } }[] }[] }[])[0]!.autoRunEvents;

describe('manifest.json, the unified manifest for Microsoft 365', () => {
  it("validates against Microsoft's schema for its manifest version (from @microsoft/app-manifest, offline), with its language files", () => {
    expect(local.manifestVersion).toBe('1.24');
    expect(unifiedSchemaFile(local.manifestVersion)).toMatch(/@microsoft[\\/]app-manifest[\\/]build[\\/]json-schemas[\\/]teams[\\/]v1\.24[\\/]MicrosoftTeams\.schema\.json$/);
    expect(local.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json');
    expect(unifiedSchemaErrors(local, unifiedLocalizations(local, xml))).toEqual([]);
  });

  it.each([
    ['a mobile button with eight icons', (manifest: UnifiedManifest) => ribbons(manifest)[4]!.tabs[0]!.customMobileRibbonGroups![0]!.controls[0]!.icons.pop(), '/extensions/0/ribbons/4/tabs/0/customMobileRibbonGroups/0/controls/0/icons must NOT have fewer than 9 items'],
    ['a send mode Outlook does not know', (manifest: UnifiedManifest) => (autoRun(manifest)[0]!.events[0]!.options.sendMode = 'prompt'), '/extensions/0/autoRunEvents/0/events/0/options/sendMode must be equal to one of the allowed values'],
    ['a context Outlook does not know', (manifest: UnifiedManifest) => (ribbons(manifest)[5]!.contexts = ['logEventMeetingDetailsOrganizer']), '/extensions/0/ribbons/5/contexts/0 must be equal to one of the allowed values'],
    ['an app id that is not a GUID', (manifest: UnifiedManifest) => (manifest.id = 'rapport'), '/id must match pattern'],
  ])("is refused by Microsoft's schema with %s", (_, breakIt, problem) => {
    const broken = copy(local);
    breakIt(broken);
    expect(unifiedSchemaErrors(broken).join('\n')).toContain(problem);
  });

  it('says what manifest.xml says: id, version, host URLs, send-time event, every surface with its button, pinning and icons', () => {
    expect(manifestDisagreements(xml, local)).toEqual([]);
    const facts = unifiedFacts(local);
    expect(facts.scalars).toMatchObject({
      id: '6f3a7c1e-2b9d-4e58-9a41-3c7d0e5b8f21',
      version: '0.1.0',
      permission: 'MailboxItem.ReadWrite.User',
      mailbox: '1.5',
      sendChecksMailbox: '1.12',
      sendChecksPage: 'https://localhost:3000/events.html',
      sendChecksScript: 'https://localhost:3000/events.js',
    });
    expect(facts.events).toEqual(['messageSending runs onMessageSendHandler (promptUser)']);
    // The same lines, read from the XML on its own.
    expect(xmlFacts(xml)).toEqual(facts);
    expect(facts.controls.map((line) => line.split(':')[0])).toEqual([
      'desktop mailCompose MessageCompose.OpenPane',
      'desktop mailRead MessageRead.OpenPane',
      'desktop meetingDetailsAttendee AppointmentAttendee.OpenPane',
      'desktop meetingDetailsOrganizer AppointmentOrganizer.OpenPane',
      'mobile logEventMeetingDetailsAttendee MobileLogEvent.LogMeeting',
      'mobile mailRead MobileMessageRead.OpenPane',
    ]);
    expect(facts.controls).toContain(
      'mobile logEventMeetingDetailsAttendee MobileLogEvent.LogMeeting: "Log to Rapport" opens https://localhost:3000/taskpane.html [https://localhost:3000/assets/log-25.png https://localhost:3000/assets/log-32.png https://localhost:3000/assets/log-48.png]',
    );
  });

  it.each([
    ['a send mode that offers no Send Anyway', (manifest: UnifiedManifest) => (autoRun(manifest)[0]!.events[0]!.options.sendMode = 'softBlock'), 'only in manifest.json: messageSending runs onMessageSendHandler (softBlock)'],
    ['another version', (manifest: UnifiedManifest) => (manifest.version = '0.2.0'), 'version: manifest.xml says "0.1.0", manifest.json says "0.2.0"'],
    ['no log card for the phone', (manifest: UnifiedManifest) => ribbons(manifest).pop(), 'only in manifest.xml: mobile logEventMeetingDetailsAttendee MobileLogEvent.LogMeeting'],
    ['the compose pane pinnable', (manifest: UnifiedManifest) => ((manifest.extensions as { runtimes: { actions: { id: string; pinnable: boolean }[] }[] }[])[0]!.runtimes[0]!.actions.find((action) => action.id === 'OpenPane')!.pinnable = true), 'only in manifest.json: desktop mailCompose MessageCompose.OpenPane: "Open Rapport" opens https://localhost:3000/taskpane.html, pinnable'],
    ['another host for the send-time checks', (manifest: UnifiedManifest) => ((manifest.extensions as { runtimes: { code: { script: string } }[] }[])[0]!.runtimes[1]!.code.script = 'https://localhost:3000/checks.js'), 'sendChecksScript: manifest.xml says "https://localhost:3000/events.js", manifest.json says "https://localhost:3000/checks.js"'],
  ])('finds a disagreement with manifest.xml: %s', (_, breakIt, problem) => {
    const broken = copy(local);
    breakIt(broken);
    expect(manifestDisagreements(xml, broken).join('\n')).toContain(problem);
  });

  it('is rendered for the same host as manifest.xml, naming the same Entra app, and both still agree', () => {
    const host = 'https://crm.example.com';
    const unified = renderUnifiedManifest(template, host, { clientId });
    const rendered = renderManifest(xml, host, { clientId });
    expect(JSON.stringify(unified)).not.toContain('localhost');
    expect(unified.validDomains).toEqual(['crm.example.com', 'login.microsoftonline.com']);
    expect(unified.webApplicationInfo).toEqual({ id: clientId, resource: `api://crm.example.com/${clientId}` });
    expect(unifiedSchemaErrors(unified, unifiedLocalizations(unified, rendered))).toEqual([]);
    expect(manifestDisagreements(rendered, unified)).toEqual([]);
    // One manifest for a host and the other for another is caught.
    expect(manifestDisagreements(renderManifest(xml, 'https://other.example.com', { clientId }), unified).join('\n')).toContain('sendChecksPage: manifest.xml says "https://other.example.com/events.html"');
    expect(() => renderUnifiedManifest(template, 'http://crm.example.com')).toThrow(/HTTPS/);
  });

  it("speaks Spanish, Portuguese and Italian in manifest.xml's own words", () => {
    const files = unifiedLocalizations(local, xml);
    expect(Object.keys(files)).toEqual(['es-es', 'pt-br', 'it-it']);
    expect(files['it-it']['extensions[0].ribbons[5].tabs[0].customMobileRibbonGroups[0].controls[0].label']).toBe('Registra in Rapport');
    expect(files['es-es']['extensions[0].ribbons[1].tabs[0].groups[0].controls[0].supertip.description']).toBe('Muestra lo que el CRM sabe de los destinatarios e inserta plantillas y tus horas libres.');
    expect(files['pt-br']['description.full']).toBe('Veja no seu CRM quem está em um e-mail ou reunião, registre-o e planeje o próximo passo sem sair do Outlook.');
    // A text manifest.xml lacks cannot be translated: the manifests drifted apart.
    const drifted = copy(local);
    (drifted.name as { full: string }).full = 'Rapport CRM for Outlook';
    expect(() => unifiedLocalizations(drifted, xml)).toThrow('manifest.json\'s "Rapport CRM for Outlook" (name.full) has no es-ES text in manifest.xml');
  });

  it('travels as an app package: manifest.json, a 192 px colour icon, a 32 px outline icon and the language files, read back whole', () => {
    const unified = renderUnifiedManifest(template, 'https://crm.example.com', { clientId });
    const files = unzipFiles(zipFiles(unifiedPackageFiles(unified, renderManifest(xml, 'https://crm.example.com'), assets)));
    expect(files.map((file) => file.name)).toEqual(['manifest.json', 'color.png', 'outline.png', 'es-es.json', 'pt-br.json', 'it-it.json']);
    expect(JSON.parse(files[0]!.data.toString('utf8'))).toEqual(unified);
    const size = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(size(files[1]!.data)).toEqual([192, 192]);
    expect(size(files[2]!.data)).toEqual([32, 32]);
    expect(JSON.parse(files[5]!.data.toString('utf8'))['name.short']).toBe('Rapport CRM');
  });
});
