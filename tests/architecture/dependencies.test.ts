import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// The direction of dependencies the architecture asks for, checked on every import:
// shared ← functions, shared ← addin; shared does no I/O; services never import an adapter.
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
