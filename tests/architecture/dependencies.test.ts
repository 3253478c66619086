import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// The direction of dependencies the architecture asks for, checked on every import:
// shared ← functions, shared ← addin; shared does no I/O; services never import an adapter;
// what only local mode runs (functions/src/local/) is out of the Azure entry's reach.
const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  return ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles.map((imported) => imported.fileName);
}

function resolvedTarget(file: string, specifier: string): string {
  return specifier.startsWith('.') ? path.relative(root, path.resolve(path.dirname(file), specifier)) : specifier;
}

/** The source file a relative import names: the .ts file, or the folder's index.ts. */
function resolvedFile(file: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(file), specifier);
  return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base].find((candidate) => /\.tsx?$/.test(candidate) && fs.existsSync(candidate)) ?? null;
}

/** Every file of this repository an entry imports, directly or through others (type-only imports too), with the path to each. */
function importGraph(entry: string): Map<string, string[]> {
  const start = path.join(root, entry);
  const reached = new Map<string, string[]>([[start, [entry]]]);
  const queue = [start];
  for (let file = queue.shift(); file; file = queue.shift()) {
    const via = reached.get(file) ?? [];
    for (const specifier of importsOf(file)) {
      if (!specifier.startsWith('.')) continue;
      const target = resolvedFile(file, specifier);
      if (!target || reached.has(target)) continue;
      reached.set(target, [...via, path.relative(root, target)]);
      queue.push(target);
    }
  }
  return reached;
}

function violations(dir: string, isForbidden: (target: string) => boolean): string[] {
  return sourceFiles(path.join(root, dir)).flatMap((file) =>
    importsOf(file)
      .map((specifier) => resolvedTarget(file, specifier))
      .filter(isForbidden)
      .map((target) => `${path.relative(root, file)} → ${target}`),
  );
}

describe('dependency direction', () => {
  it('keeps shared/ pure: only zod and its own files', () => {
    expect(violations('shared/src', (target) => !(target === 'zod' || target.startsWith('shared/src')))).toEqual([]);
  });

  it('lets functions/ use shared/ but never addin/', () => {
    expect(violations('functions/src', (target) => target.startsWith('addin') || target.startsWith('@rapport/addin'))).toEqual([]);
  });

  it('keeps services on the store port, never an adapter or HTTP', () => {
    const forbidden = (target: string) =>
      /functions\/src\/store\/(sqlite|cosmos)/.test(target) || /functions\/src\/(http|routes)\//.test(target) || target.startsWith('@azure/functions') || target === 'better-sqlite3';
    expect(violations('functions/src/services', forbidden)).toEqual([]);
  });

  it('keeps local-only code (local issuer, /dev/token, demo, local calendar, in-process Cosmos) out of the Azure entry', () => {
    const graph = importGraph('functions/src/azure.ts');
    // The walk is real: the entry reaches the app, its routes and the store adapters.
    expect([...graph.keys()].map((file) => path.relative(root, file))).toEqual(
      expect.arrayContaining(['functions/src/app.ts', 'functions/src/config.ts', 'functions/src/store/cosmos/cosmos-store.ts', 'functions/src/routes/records.routes.ts']),
    );
    const local = [...graph.entries()].filter(([file]) => path.relative(root, file).startsWith('functions/src/local/')).map(([, via]) => via.join(' → '));
    expect(local).toEqual([]);
  });

  it('walks imports through other files: the standalone host reaches the local room through local-mode.ts', () => {
    const graph = importGraph('functions/src/server.ts');
    expect([...graph.keys()].map((file) => path.relative(root, file))).toContain('functions/src/local/local-issuer.ts');
  });

  it('opens the local room from the standalone host only: the app, routes, pages and store get local mode handed in', () => {
    const outside = sourceFiles(path.join(root, 'functions/src')).filter((file) => {
      const relative = path.relative(root, file);
      return !relative.startsWith('functions/src/local/') && relative !== 'functions/src/server.ts';
    });
    const intoLocal = outside.flatMap((file) =>
      importsOf(file)
        .map((specifier) => resolvedTarget(file, specifier))
        .filter((target) => target.startsWith('functions/src/local/'))
        .map((target) => `${path.relative(root, file)} → ${target}`),
    );
    expect(intoLocal).toEqual([]);
  });

  it('keeps tools for one data set (the Maven importer) in scripts/, out of the domain packages', () => {
    const fromScripts = ['shared/src', 'functions/src', 'addin/src'].flatMap((dir) => violations(dir, (target) => target.startsWith('scripts/')));
    expect(fromScripts).toEqual([]);
    const mavenInPackages = ['shared/src', 'functions/src', 'addin/src'].flatMap((dir) => sourceFiles(path.join(root, dir))).filter((file) => /maven/i.test(path.basename(file)));
    expect(mavenInPackages.map((file) => path.relative(root, file))).toEqual([]);
  });

  it("imports shared rules into the pane by path, so the schemas (and zod) stay out of the pane's bundle", () => {
    const barrelValueImports = sourceFiles(path.join(root, 'addin/src')).flatMap((file) =>
      /^import\s+(?!type\b)[^;]*?from\s+'@rapport\/shared';/m.test(fs.readFileSync(file, 'utf8')) ? [path.relative(root, file)] : [],
    );
    expect(barrelValueImports).toEqual([]);
  });

  it('lets addin/ use shared/ but never functions/', () => {
    expect(violations('addin/src', (target) => target.startsWith('functions') || target.startsWith('@rapport/functions'))).toEqual([]);
  });

  it('talks to Microsoft Graph from addin/src/graph/ only', () => {
    const outside = sourceFiles(path.join(root, 'addin/src')).filter((file) => !path.relative(root, file).startsWith(path.join('addin', 'src', 'graph')));
    const graphImports = outside.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier.startsWith('@microsoft/microsoft-graph-client'))
        .map((specifier) => `${path.relative(root, file)} → ${specifier}`),
    );
    expect(graphImports).toEqual([]);
  });
});
