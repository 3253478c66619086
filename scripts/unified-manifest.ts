import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { PackageFile } from './app-package';
import { LOCAL_BASE_URL, checkBaseUrl, checkClientId } from './manifest-rules';

// The unified app manifest for Microsoft 365 (manifest.json), beside manifest.xml: Outlook on the web, the new Outlook and
// classic Outlook on Windows read either; Outlook on Mac and Outlook mobile (for apps not published in AppSource) read
// only the XML. The committed manifest.json points at https://localhost:3000, as manifest.xml does; rendering moves it to
// a host, and its translations come from manifest.xml's, so the two say the same words.

/** A unified manifest, as parsed JSON (its shape is checked by Microsoft's schema, not by these types). */
export type UnifiedManifest = Record<string, unknown> & { manifestVersion: string; id: string; version: string };

/** The languages manifest.xml translates into, by the unified manifest's language tags. */
export const UNIFIED_LANGUAGES = { 'es-es': 'es-ES', 'pt-br': 'pt-BR', 'it-it': 'it-IT' } as const;
export type UnifiedLanguage = keyof typeof UNIFIED_LANGUAGES;

// The one text the XML has no counterpart for: the store's short description (80 characters at most).
const SHORT_DESCRIPTION: Record<UnifiedLanguage, string> = {
  'es-es': 'Tu CRM en Outlook: quién está en un correo o reunión, registrado en un clic.',
  'pt-br': 'Seu CRM no Outlook: quem está em um e-mail ou reunião, registrado em um clique.',
  'it-it': "Il tuo CRM in Outlook: chi c'è in un'e-mail o riunione, registrato in un clic.",
};

/** The unified manifest for another host (every local URL and domain moved), naming the Entra app when given. */
export function renderUnifiedManifest(template: string, baseUrl: string, options: { clientId?: string } = {}): UnifiedManifest {
  const base = checkBaseUrl(baseUrl);
  const host = new URL(base).host;
  const rendered = JSON.parse(template.split(LOCAL_BASE_URL).join(base)) as UnifiedManifest;
  const domains = (rendered.validDomains as string[] | undefined) ?? [];
  rendered.validDomains = [...new Set(domains.map((domain) => (domain === new URL(LOCAL_BASE_URL).host ? host : domain)))];
  if (options.clientId) {
    // Office's own sign-in in the event runtime, as manifest.xml's WebApplicationInfo: a token for the API's app.
    rendered.webApplicationInfo = { id: checkClientId(options.clientId), resource: `api://${host}/${options.clientId}` };
  }
  return rendered;
}

/** Microsoft's JSON schema for a manifest version, as the @microsoft/app-manifest package ships it (read offline). */
export function unifiedSchemaFile(manifestVersion: string): string {
  const root = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(root, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(file)) throw new Error(`@microsoft/app-manifest ships no schema for manifest version ${manifestVersion}`);
  return file;
}

function validator(file: string) {
  // Draft-04 schemas, as Microsoft publishes them; formats checked as Microsoft's own validator checks them. Patterns are
  // not compiled in unicode mode: the language file's schema has one ("\]" unescaped after "\b") that only non-unicode
  // regular expressions accept.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  return ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8')) as object);
}

function errorsOf(validate: ReturnType<typeof validator>, data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`.trim());
}

/** Validates the manifest, and each language file, against Microsoft's schemas for its manifest version. */
export function unifiedSchemaErrors(manifest: UnifiedManifest, localizations: Record<string, Record<string, string>> = {}): string[] {
  const file = unifiedSchemaFile(manifest.manifestVersion);
  const problems = errorsOf(validator(file), manifest);
  const strings = validator(path.join(path.dirname(file), 'MicrosoftTeams.Localization.schema.json'));
  for (const [language, texts] of Object.entries(localizations)) problems.push(...errorsOf(strings, texts).map((problem) => `${language}.json: ${problem}`));
  return problems;
}

// The texts of manifest.xml by their English wording, with their translations: DisplayName, Description and every bt:String.
function xmlTranslations(xml: string): Map<string, Record<string, string>> {
  const found = new Map<string, Record<string, string>>();
  const blocks = xml.matchAll(/<(DisplayName|Description|bt:String)\b[^>]*DefaultValue="([^"]*)"[^>]*>([\s\S]*?)<\/\1>/g);
  for (const [, , english = '', body = ''] of blocks) {
    const overrides = Object.fromEntries([...body.matchAll(/<(?:bt:)?Override Locale="([^"]+)" Value="([^"]*)"\s*\/>/g)].map((match) => [match[1] as string, unescapeXml(match[2] as string)]));
    found.set(unescapeXml(english), overrides);
  }
  return found;
}

function unescapeXml(text: string): string {
  return text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Where a unified manifest carries text a user reads, as the localization files name them ("name.short", "extensions[0]…"). */
export function localizableTexts(manifest: UnifiedManifest): Record<string, string> {
  const texts: Record<string, string> = {};
  const name = manifest.name as { short: string; full?: string };
  const description = manifest.description as { short: string; full: string };
  texts['name.short'] = name.short;
  if (name.full) texts['name.full'] = name.full;
  texts['description.short'] = description.short;
  texts['description.full'] = description.full;
  type Control = { label: string; supertip?: { title: string; description: string } };
  type Group = { label: string; controls: Control[] };
  type Ribbon = { tabs: { groups?: Group[]; customMobileRibbonGroups?: Group[] }[] };
  const extension = (manifest.extensions as { ribbons?: Ribbon[] }[] | undefined)?.[0];
  extension?.ribbons?.forEach((ribbon, r) =>
    ribbon.tabs.forEach((tab, t) => {
      for (const kind of ['groups', 'customMobileRibbonGroups'] as const) {
        tab[kind]?.forEach((group, g) => {
          const at = `extensions[0].ribbons[${r}].tabs[${t}].${kind}[${g}]`;
          texts[`${at}.label`] = group.label;
          group.controls.forEach((control, c) => {
            texts[`${at}.controls[${c}].label`] = control.label;
            if (control.supertip) {
              texts[`${at}.controls[${c}].supertip.title`] = control.supertip.title;
              texts[`${at}.controls[${c}].supertip.description`] = control.supertip.description;
            }
          });
        });
      }
    }),
  );
  return texts;
}

/**
 * The unified manifest's language files (es-es.json…): each text translated as manifest.xml translates the same English
 * words. A text manifest.xml does not have, or has untranslated, is an error: the two manifests must not drift apart.
 */
export function unifiedLocalizations(manifest: UnifiedManifest, xml: string): Record<UnifiedLanguage, Record<string, string>> {
  const translations = xmlTranslations(xml);
  const files = {} as Record<UnifiedLanguage, Record<string, string>>;
  for (const [language, locale] of Object.entries(UNIFIED_LANGUAGES) as [UnifiedLanguage, string][]) {
    const file: Record<string, string> = { $schema: `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json` };
    for (const [key, english] of Object.entries(localizableTexts(manifest))) {
      const translated = key === 'description.short' ? SHORT_DESCRIPTION[language] : translations.get(english)?.[locale];
      if (!translated) throw new Error(`manifest.json's "${english}" (${key}) has no ${locale} text in manifest.xml`);
      file[key] = translated;
    }
    files[language] = file;
  }
  return files;
}

// Which unified context each of manifest.xml's extension points is, by form factor.
const CONTEXT_OF: Record<string, string> = {
  MessageReadCommandSurface: 'mailRead',
  MessageComposeCommandSurface: 'mailCompose',
  AppointmentOrganizerCommandSurface: 'meetingDetailsOrganizer',
  AppointmentAttendeeCommandSurface: 'meetingDetailsAttendee',
  MobileMessageReadCommandSurface: 'mailRead',
  MobileLogEventAppointmentAttendee: 'logEventMeetingDetailsAttendee',
};
// And each launch event, by the name the unified manifest gives it.
const EVENT_OF: Record<string, string> = { OnMessageSend: 'messageSending', OnNewMessageCompose: 'newMessageComposeCreated' };

/** What both manifests must say alike: one line per fact, so that a difference reads as the lines on each side. */
export type ManifestFacts = { scalars: Record<string, string>; controls: string[]; events: string[] };

/** The facts manifest.xml states for the clients that read VersionOverrides 1.1 (the unified manifest's clients). */
export function xmlFacts(xml: string): ManifestFacts {
  const value = (pattern: RegExp) => unescapeXml(pattern.exec(xml)?.[1] ?? '');
  const urls = new Map([...xml.matchAll(/<bt:(?:Url|Image) id="([^"]+)" DefaultValue="([^"]*)"/g)].map((match) => [match[1] as string, match[2] as string]));
  const strings = new Map([...xml.matchAll(/<bt:String id="([^"]+)" DefaultValue="([^"]*)"/g)].map((match) => [match[1] as string, unescapeXml(match[2] as string)]));
  const v11 = xml.slice(Math.max(0, xml.indexOf('xsi:type="VersionOverridesV1_1"')));
  const runtime = /<Runtime resid="([^"]+)"[^>]*>\s*<Override type="javascript" resid="([^"]+)"/.exec(v11);
  const info = /<WebApplicationInfo>\s*<Id>([^<]+)<\/Id>\s*<Resource>([^<]+)<\/Resource>/.exec(v11);
  const controls: string[] = [];
  for (const [formFactor, tag] of [['desktop', 'DesktopFormFactor'], ['mobile', 'MobileFormFactor']] as const) {
    const part = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(v11)?.[1] ?? '';
    for (const [, type = '', point = ''] of part.matchAll(/<ExtensionPoint xsi:type="([^"]+)">([\s\S]*?)<\/ExtensionPoint>/g)) {
      if (type === 'LaunchEvent') continue;
      for (const [, id = '', body = ''] of point.matchAll(/<Control xsi:type="[^"]+" id="([^"]+)">([\s\S]*?)<\/Control>/g)) {
        const action = /<Action xsi:type="([^"]+)">([\s\S]*?)<\/Action>/.exec(body);
        const page = urls.get(/<SourceLocation resid="([^"]+)"/.exec(action?.[2] ?? '')?.[1] ?? '') ?? '';
        const pinned = /<SupportsPinning>true<\/SupportsPinning>/.test(action?.[2] ?? '');
        const icons = [...new Set([...body.matchAll(/<bt:Image [^>]*resid="([^"]+)"/g)].map((match) => urls.get(match[1] as string) ?? '?'))].sort();
        const label = strings.get(/<Label resid="([^"]+)"/.exec(body)?.[1] ?? '') ?? '?';
        controls.push(`${formFactor} ${CONTEXT_OF[type] ?? type} ${id}: "${label}" ${action?.[1] === 'ShowTaskpane' ? `opens ${page}${pinned ? ', pinnable' : ''}` : (action?.[1] ?? '?')} [${icons.join(' ')}]`);
      }
    }
  }
  const events = [...v11.matchAll(/<LaunchEvent Type="([^"]+)" FunctionName="([^"]+)"(?: SendMode="([^"]+)")?\s*\/>/g)].map(
    ([, type = '', handler = '', mode]) => `${EVENT_OF[type] ?? type} runs ${handler}${mode ? ` (${mode.charAt(0).toLowerCase()}${mode.slice(1)})` : ''}`,
  );
  return {
    scalars: {
      id: value(/<Id>([^<]+)<\/Id>/),
      // The XML's four-part version is the unified manifest's three-part one with a fourth 0.
      version: value(/<Version>([^<]+)<\/Version>/).replace(/\.0$/, ''),
      name: value(/<DisplayName DefaultValue="([^"]*)"/),
      description: value(/<Description DefaultValue="([^"]*)"/),
      permission: { ReadItem: 'MailboxItem.Read.User', ReadWriteItem: 'MailboxItem.ReadWrite.User', ReadWriteMailbox: 'Mailbox.ReadWrite.User' }[value(/<Permissions>([^<]+)<\/Permissions>/)] ?? '?',
      mailbox: value(/<Set Name="Mailbox" MinVersion="([^"]+)"/),
      // The launch events are in VersionOverrides 1.1: its requirement is theirs.
      sendChecksMailbox: value(/xsi:type="VersionOverridesV1_1">\s*<Requirements>\s*<bt:Sets DefaultMinVersion="([^"]+)"/),
      sendChecksPage: urls.get(runtime?.[1] ?? '') ?? '',
      sendChecksScript: urls.get(runtime?.[2] ?? '') ?? '',
      app: info ? `${info[1]} ${info[2]}` : 'none',
      domains: [new URL(urls.get('Taskpane.Url') ?? 'https://invalid').host, ...[...xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((match) => new URL(match[1] as string).host)].sort().join(' '),
    },
    controls: controls.sort(),
    events: events.sort(),
  };
}

type Action = { id: string; type: string; pinnable?: boolean };
type Runtime = { id: string; code: { page: string; script?: string }; actions?: Action[]; requirements?: { capabilities?: { name: string; minVersion?: string }[] } };
type UnifiedControl = { id: string; label: string; icons: { url: string }[]; actionId: string };
type UnifiedRibbon = { requirements?: { formFactors?: string[] }; contexts: string[]; tabs: { groups?: { controls: UnifiedControl[] }[]; customMobileRibbonGroups?: { controls: UnifiedControl[] }[] }[] };
type Extension = {
  requirements?: { capabilities?: { name: string; minVersion?: string }[] };
  runtimes: Runtime[];
  ribbons: UnifiedRibbon[];
  autoRunEvents?: { requirements?: { capabilities?: { name: string; minVersion?: string }[] }; events: { type: string; actionId: string; options?: { sendMode: string } }[] }[];
};

/** The same facts, as the unified manifest states them. */
export function unifiedFacts(manifest: UnifiedManifest): ManifestFacts {
  const extension = (manifest.extensions as Extension[])[0] as Extension;
  const actions = new Map(extension.runtimes.flatMap((runtime) => (runtime.actions ?? []).map((action) => [action.id, { action, runtime }] as const)));
  const mailbox = (requirements: Extension['requirements']) => requirements?.capabilities?.find((capability) => capability.name === 'Mailbox')?.minVersion ?? '';
  const controls = extension.ribbons.flatMap((ribbon) =>
    (ribbon.requirements?.formFactors ?? ['desktop', 'mobile']).flatMap((formFactor) =>
      ribbon.contexts.flatMap((context) =>
        ribbon.tabs.flatMap((tab) =>
          [...(tab.groups ?? []), ...(tab.customMobileRibbonGroups ?? [])].flatMap((group) =>
            group.controls.map((control) => {
              const found = actions.get(control.actionId);
              const does = found?.action.type === 'openPage' ? `opens ${found.runtime.code.page}${found.action.pinnable ? ', pinnable' : ''}` : found?.action.type === 'executeFunction' ? 'ExecuteFunction' : '?';
              return `${formFactor} ${context} ${control.id}: "${control.label}" ${does} [${[...new Set(control.icons.map((icon) => icon.url))].sort().join(' ')}]`;
            }),
          ),
        ),
      ),
    ),
  );
  const sending = (extension.autoRunEvents ?? []).flatMap((group) => group.events.map((event) => ({ event, group })));
  const runtimeOf = (actionId: string | undefined) => (actionId ? actions.get(actionId)?.runtime : undefined);
  const eventRuntime = runtimeOf(sending[0]?.event.actionId);
  const info = manifest.webApplicationInfo as { id: string; resource: string } | undefined;
  const name = manifest.name as { short: string };
  const description = manifest.description as { full: string };
  const permissions = (manifest.authorization as { permissions?: { resourceSpecific?: { name: string }[] } } | undefined)?.permissions?.resourceSpecific ?? [];
  return {
    scalars: {
      id: manifest.id,
      version: manifest.version,
      name: name.short,
      description: description.full,
      permission: permissions.map((permission) => permission.name).join(' ') || '?',
      mailbox: mailbox(extension.requirements),
      sendChecksMailbox: [...new Set(sending.map(({ group }) => mailbox(group.requirements)))].join(' '),
      sendChecksPage: eventRuntime?.code.page ?? '',
      sendChecksScript: eventRuntime?.code.script ?? '',
      app: info ? `${info.id} ${info.resource}` : 'none',
      domains: [...((manifest.validDomains as string[] | undefined) ?? [])].sort().join(' '),
    },
    controls: controls.sort(),
    events: sending.map(({ event }) => `${event.type} runs ${event.actionId}${event.options ? ` (${event.options.sendMode})` : ''}`).sort(),
  };
}

/** Where manifest.xml and the unified manifest disagree (id, version, hosts, surfaces, events…): empty when they agree. */
export function manifestDisagreements(xml: string, manifest: UnifiedManifest): string[] {
  const ours = xmlFacts(xml);
  const theirs = unifiedFacts(manifest);
  const problems: string[] = [];
  for (const [fact, value] of Object.entries(ours.scalars)) {
    if (theirs.scalars[fact] !== value) problems.push(`${fact}: manifest.xml says "${value}", manifest.json says "${theirs.scalars[fact] ?? ''}"`);
  }
  for (const list of ['controls', 'events'] as const) {
    for (const line of ours[list]) if (!theirs[list].includes(line)) problems.push(`only in manifest.xml: ${line}`);
    for (const line of theirs[list]) if (!ours[list].includes(line)) problems.push(`only in manifest.json: ${line}`);
  }
  return problems;
}

/**
 * The app package's files: manifest.json, its icons (color.png, 192 px; outline.png, 32 px, white on transparency, from
 * `assets`) and a language file per language manifest.xml has.
 */
export function unifiedPackageFiles(manifest: UnifiedManifest, xml: string, assets: string): PackageFile[] {
  const json = (data: unknown) => Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8');
  const icons = manifest.icons as { color: string; outline: string };
  const languages = (manifest.localizationInfo as { additionalLanguages?: { languageTag: string; file: string }[] } | undefined)?.additionalLanguages ?? [];
  const texts = unifiedLocalizations(manifest, xml);
  return [
    { name: 'manifest.json', data: json(manifest) },
    { name: icons.color, data: fs.readFileSync(path.join(assets, 'color-192.png')) },
    { name: icons.outline, data: fs.readFileSync(path.join(assets, 'outline-32.png')) },
    ...languages.map((language) => {
      const file = texts[language.languageTag as UnifiedLanguage];
      if (!file) throw new Error(`manifest.json lists ${language.languageTag}, which manifest.xml does not translate into`);
      return { name: language.file, data: json(file) };
    }),
  ];
}
