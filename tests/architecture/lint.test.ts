import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The lint rules are a security boundary: prove they catch what they exist for. ESLint runs as
// `npm run lint` does (its flat config is an ES module, which jest's module system cannot load).
const root = path.resolve(__dirname, '../..');

function ruleIds(code: string, file = 'addin/src/components/Example.tsx'): string[] {
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', file, '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('the lint rules', () => {
  it('forbid rendering text as HTML', async () => {
    expect(await ruleIds('export const Body = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;\n')).toEqual(['react/no-danger']);
    expect(await ruleIds('export function show(element: HTMLElement, body: string) { element.innerHTML = body; }\n')).toEqual(['no-restricted-properties']);
  });

  it('forbid keeping data in localStorage, sessionStorage or IndexedDB', async () => {
    expect(await ruleIds("localStorage.setItem('contacts', '[]');\n", 'addin/src/hooks/useExample.ts')).toEqual(['no-restricted-globals']);
    expect(await ruleIds("window.indexedDB.open('crm');\n", 'addin/src/hooks/useExample.ts')).toEqual(['no-restricted-properties']);
    expect(await ruleIds("sessionStorage.setItem('deal', '{}');\n", 'addin/src/hooks/useExample.ts')).toEqual(['no-restricted-globals']);
  });

  it('let text render as text', async () => {
    expect(await ruleIds('export const Body = ({ text }: { text: string }) => <p>{text}</p>;\n')).toEqual([]);
  });
});
