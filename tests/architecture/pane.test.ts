import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// The pane's structure, as ARCHITECTURE.md asks: Office.js only behind addin/src/office/, the API only through the
// data layer (one query cache over the client derived from the contract), no component fetching on its own.
const root = path.resolve(__dirname, '../..');
const addin = path.join(root, 'addin/src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const paneFiles = files(addin).map((file) => ({ file: path.relative(root, file), text: fs.readFileSync(file, 'utf8') }));
const inside = (folder: string) => (file: string) => file.startsWith(`addin/src/${folder}/`);

/** The identifiers `Office` used as a value (Office.context, Office.EventType…), not its types (Office.Mailbox). */
function officeValueUses(text: string): number {
  const source = ts.createSourceFile('x.tsx', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  let uses = 0;
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Office') uses++;
    if (!ts.isTypeNode(node)) ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

describe('the pane', () => {
  it('touches Office.js only in addin/src/office/ (the demo plays Office, so it defines it)', () => {
    const outside = paneFiles.filter(({ file, text }) => !inside('office')(file) && !inside('demo')(file) && officeValueUses(text) > 0).map(({ file }) => file);
    expect(outside).toEqual([]);
    // The check sees real uses: the adapter itself has them.
    expect(officeValueUses(fs.readFileSync(path.join(addin, 'office/office-host.ts'), 'utf8'))).toBeGreaterThan(0);
  });

  it('gives components plain data: no Office type in a component, hook or view', () => {
    const typed = paneFiles.filter(({ file, text }) => /^addin\/src\/(components|hooks|taskpane|data)\//.test(file) && /\bOffice\.\w+/.test(text)).map(({ file }) => file);
    expect(typed).toEqual([]);
  });

  it('reads and writes the API only through the data layer: no component creates, imports or is handed a client', () => {
    const clientImports = paneFiles
      .filter(({ file }) => !inside('data')(file) && !inside('api')(file) && !/addin\/src\/(taskpane|dashboard|records)\/index\.tsx$/.test(file))
      .filter(({ text }) => /from '\.\.\/api\/client'|from '\.\.\/api\/api-client'/.test(text) && !/import type \{[^}]*\} from '\.\.\/api\/client'/.test(text))
      .map(({ file }) => file);
    expect(clientImports).toEqual([]);
    const apiProps = paneFiles.filter(({ file, text }) => /^addin\/src\/(components|taskpane|dashboard|records)\//.test(file) && /\bapi: ApiClient\b|\bapi=\{/.test(text)).map(({ file }) => file);
    expect(apiProps).toEqual([]);
  });

  it('keeps no fetch state in components: no hand-rolled `let live` effects, no hand-written client beside the contract', () => {
    const handRolled = paneFiles.filter(({ text }) => /\blet (live|cancelled|active)\s*=\s*true\b/.test(text)).map(({ file }) => file);
    expect(handRolled).toEqual([]);
    expect(fs.existsSync(path.join(addin, 'api/api-client.ts'))).toBe(false);
  });

  it('says errors through describeError, never an exception message shown to the user', () => {
    const rawMessages = paneFiles
      .filter(({ file }) => /^addin\/src\/(components|taskpane|dashboard|records|hooks)\//.test(file))
      .filter(({ text }) => /(caught|error|err|e)\.message\b/.test(text))
      .map(({ file }) => file);
    expect(rawMessages).toEqual([]);
  });
});
