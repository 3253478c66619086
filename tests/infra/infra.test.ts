import fs from 'node:fs';
import path from 'node:path';
import { PRODUCTION_SETTINGS, SETTING_NAMES, loadConfig } from '../../functions/src/config';
import { roles } from '../../shared/src/members/roles';
import { API_PACKAGE_DIR } from '../../scripts/package-api';
import { SITE_DIR } from '../../scripts/static-site';

// What can be checked of infra/ and azure.yaml without Azure: Bicep is never compiled or deployed here, so these read
// the files as text. They catch a setting, parameter, output or path that drifts from the code that depends on it.
const root = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const main = read('infra/main.bicep');

/** The keys of `var <name> = { … }` in a Bicep file (one key per line, as Bicep writes objects). */
function objectKeys(bicep: string, variable: string): string[] {
  const block = new RegExp(`^var ${variable} = \\{\\n([\\s\\S]*?)^\\}`, 'm').exec(bicep)?.[1];
  if (!block) throw new Error(`no var ${variable} in the file`);
  return [...block.matchAll(/^ {2}([A-Za-z_][A-Za-z0-9_]*):/gm)].map((match) => match[1] as string);
}

/** `param <name> <type>` and whether it has a default (`= …`). */
function params(bicep: string): { name: string; hasDefault: boolean }[] {
  return [...bicep.matchAll(/^param (\w+) \w+( =)?/gm)].map((match) => ({ name: match[1] as string, hasDefault: match[2] !== undefined }));
}

/** The small subset of YAML azure.yaml is written in: nested maps by two-space indentation, scalar values. */
function readYaml(text: string): Record<string, unknown> {
  const top: Record<string, unknown> = {};
  const stack: { indent: number; map: Record<string, unknown> }[] = [{ indent: -1, map: top }];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const match = /^( *)([\w.-]+):\s*(.*)$/.exec(line);
    if (!match) throw new Error(`azure.yaml: cannot read "${line}"`);
    const indent = (match[1] ?? '').length;
    while ((stack.at(-1)?.indent ?? -1) >= indent) stack.pop();
    const parent = stack.at(-1)?.map ?? top;
    const value = match[3] ?? '';
    if (value === '') {
      const child: Record<string, unknown> = {};
      parent[match[2] as string] = child;
      stack.push({ indent, map: child });
    } else {
      parent[match[2] as string] = value.replace(/^"(.*)"$/, '$1');
    }
  }
  return top;
}

describe('infra/ (Bicep) against the code it deploys', () => {
  it("sets the app settings production needs, by the names functions/src/config.ts reads", () => {
    const settings = objectKeys(main, 'rapportSettings');
    for (const name of settings) expect([name, SETTING_NAMES.includes(name as (typeof SETTING_NAMES)[number])]).toEqual([name, true]);
    // Beside the production settings: the client id of the user-assigned identity infra/ gives the app, and the
    // documents' container (the code's default is the same name; infra/ makes the container).
    expect(settings.sort()).toEqual([...PRODUCTION_SETTINGS, 'AZURE_CLIENT_ID', 'STORAGE_CONTAINER'].sort());
    expect(main).toMatch(/^ {4}documentsContainerName: 'documents'$/m);
    expect(loadConfig({ RAPPORT_DATA_DIR: '.' }).storage.container).toBe('documents');
    expect(main).toMatch(/^ {2}AUTH_MODE: 'entra'$/m);
    expect(main).toMatch(/^ {2}STORE: 'cosmos'$/m);
    expect(main).toMatch(/^ {4}appSettings: rapportSettings$/m);
  });

  it("gives the Functions host only its own settings beside Rapport's", () => {
    const functionApp = read('infra/modules/function-app.bicep');
    const hostSettings = objectKeys(functionApp, 'hostSettings');
    expect(hostSettings.filter((name) => !/^(AzureWebJobsStorage__|APPLICATIONINSIGHTS_)/.test(name))).toEqual([]);
    expect(hostSettings.filter((name) => SETTING_NAMES.includes(name as (typeof SETTING_NAMES)[number]))).toEqual([]);
    expect(functionApp).toContain('properties: union(appSettings, hostSettings)');
    // Flex Consumption takes its runtime from functionAppConfig; these settings are refused there.
    expect(functionApp).not.toMatch(/FUNCTIONS_WORKER_RUNTIME|FUNCTIONS_EXTENSION_VERSION|WEBSITE_NODE_DEFAULT_VERSION/);
    expect(functionApp).toMatch(/tier: 'FlexConsumption'/);
    expect(functionApp).toMatch(/runtime: \{\n\s+name: 'node'\n\s+version: nodeVersion/);
  });

  it('gives every parameter of main.bicep a value in main.parameters.json or a default, and maps nothing else', () => {
    const parameters = JSON.parse(read('infra/main.parameters.json')) as { parameters: Record<string, { value: unknown }> };
    const declared = params(main);
    expect(declared.length).toBeGreaterThan(3);
    const unset = declared.filter(({ name, hasDefault }) => !hasDefault && parameters.parameters[name] === undefined).map(({ name }) => name);
    expect(unset).toEqual([]);
    expect(Object.keys(parameters.parameters).filter((name) => !declared.some((param) => param.name === name))).toEqual([]);
    expect(parameters.parameters.environmentName?.value).toBe('${AZURE_ENV_NAME}');
    expect(parameters.parameters.location?.value).toBe('${AZURE_LOCATION}');
  });

  it('uses only modules that exist', () => {
    const modules = [...main.matchAll(/^module \w+ '([^']+)'/gm)].map((match) => match[1] as string);
    expect(modules.length).toBeGreaterThan(4);
    for (const module of modules) expect([module, fs.existsSync(path.join(root, 'infra', module))]).toEqual([module, true]);
  });

  it('deploys the Cosmos DB layout from the file the adapter reads, with key auth off and the app as the only data contributor', () => {
    const cosmos = read('infra/modules/cosmos.bicep');
    const loaded = /loadJsonContent\('([^']+)'\)/.exec(cosmos)?.[1] ?? '';
    expect(path.resolve(root, 'infra/modules', loaded)).toBe(path.join(root, 'infra/cosmos-layout.json'));
    expect(read('functions/src/store/cosmos/cosmos-layout.ts')).toContain("require('../../../../infra/cosmos-layout.json')");
    // Whole, as the adapter passes them to the SDK.
    expect(cosmos).toMatch(/partitionKey: container\.partitionKey\n\s+indexingPolicy: container\.indexingPolicy/);
    expect(cosmos).toMatch(/name: layout\.database/);
    expect(cosmos).toMatch(/disableLocalAuth: true/);
    expect(cosmos).toContain("'00000000-0000-0000-0000-000000000002'");
    const assignments = [...read('infra/modules/cosmos.bicep').matchAll(/'Microsoft\.DocumentDB\/databaseAccounts\/sqlRoleAssignments@/g)];
    expect(assignments).toHaveLength(1);
    expect(cosmos).toMatch(/principalId: readerWriterPrincipalId/);
    expect(main).toMatch(/module cosmos [\s\S]*?readerWriterPrincipalId: identity\.outputs\.principalId/);
    const others = fs.readdirSync(path.join(root, 'infra/modules')).filter((file) => file !== 'cosmos.bicep' && read(`infra/modules/${file}`).includes('DocumentDB'));
    expect(others).toEqual([]);
  });

  it('writes the outputs the packaging scripts and the postdeploy hook read', () => {
    const outputs = [...main.matchAll(/^output (\w+) /gm)].map((match) => match[1]);
    const staticSite = read('scripts/static-site.ts');
    for (const name of ['API_BASE_URL', 'ADDIN_API_SCOPE']) {
      expect(staticSite).toContain(`env.${name}`);
      expect(outputs).toContain(name);
    }
    expect(read('azure.yaml')).toContain('$WEB_BASE_URL');
    expect(outputs).toContain('WEB_BASE_URL');
    // ADDIN_CLIENT_ID is the admin's (azd env set): an output of the same name would overwrite it.
    expect(outputs).not.toContain('ADDIN_CLIENT_ID');
  });

  it("writes what the app registration's federated credential trusts, and the README's step uses the same names", () => {
    expect(main).toContain("output API_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId");
    expect(main).toContain("output API_IDENTITY_ISSUER string = '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'");
    const readme = read('README.md');
    expect(readme).toContain('az ad app federated-credential create --id <client-id>');
    for (const name of ['API_IDENTITY_ISSUER', 'API_IDENTITY_PRINCIPAL_ID']) expect(readme).toContain(`azd env get-value ${name}`);
    // The audience the token source asks the managed identity for.
    expect(readme).toContain('[\\"api://AzureADTokenExchange\\"]');
    expect(read('functions/src/graph/app-tokens.ts')).toContain("'api://AzureADTokenExchange/.default'");
    // The scope that limits the application to Rapport's members, both ways Exchange offers.
    for (const cmdlet of ['New-ServicePrincipal', 'New-ManagementScope', 'New-ManagementRoleAssignment', 'Test-ServicePrincipalAuthorization', 'New-ApplicationAccessPolicy', 'Test-ApplicationAccessPolicy']) {
      expect(readme).toContain(cmdlet);
    }
    expect(readme).toContain('-Role "Application Mail.Read"');
    expect(readme).toContain('-Role "Application Mail.Send"');
  });

  it('names in Entra ID the roles Rapport knows', () => {
    const readme = read('README.md');
    for (const role of roles) expect(readme).toMatch(new RegExp(`\\| \`${role}\` \\|`));
  });
});

describe('azure.yaml', () => {
  const yaml = readYaml(read('azure.yaml'));

  it('provisions infra/main.bicep', () => {
    expect(yaml.infra).toEqual({ provider: 'bicep', path: 'infra', module: 'main' });
    expect(fs.existsSync(path.join(root, 'infra/main.bicep'))).toBe(true);
  });

  it('deploys the API package to the Function App tagged api', () => {
    const services = yaml.services as Record<string, Record<string, string>>;
    expect(services.api).toMatchObject({ project: './functions', language: 'ts', host: 'function' });
    expect(path.join(root, services.api?.project ?? '', services.api?.dist ?? '')).toBe(API_PACKAGE_DIR);
    expect(JSON.parse(read('functions/package.json')).scripts.package).toBe('tsx ../scripts/package-api.ts');
    expect(read('infra/modules/function-app.bicep')).toContain("'azd-service-name': 'api'");
  });

  it('deploys the add-in pages to the Static Web App tagged web', () => {
    const services = yaml.services as Record<string, Record<string, string>>;
    expect(services.web).toMatchObject({ project: './addin', host: 'staticwebapp' });
    expect(path.join(root, services.web?.project ?? '', services.web?.dist ?? '')).toBe(SITE_DIR);
    expect(JSON.parse(read('addin/package.json')).scripts.package).toBe('tsx ../scripts/static-site.ts');
    expect(read('infra/modules/static-web-app.bicep')).toContain("'azd-service-name': 'web'");
  });

  it('renders the manifest for the pages\' host after deploying', () => {
    const hooks = yaml.hooks as Record<string, Record<string, Record<string, string>>>;
    expect(hooks.postdeploy?.posix?.run).toBe('npm run manifest -- --base-url "$WEB_BASE_URL" --client-id "$ADDIN_CLIENT_ID"');
    expect(hooks.postdeploy?.windows?.run).toBe('npm run manifest -- --base-url "$env:WEB_BASE_URL" --client-id "$env:ADDIN_CLIENT_ID"');
  });
});
