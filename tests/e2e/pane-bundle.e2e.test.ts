import fs from 'node:fs';
import path from 'node:path';
import { initialJavaScript } from '../../bench/pane';
import { enLater } from '../../addin/src/i18n/messages.later.en';

// Size is deterministic, so the budget is a test (npm test builds first). The figure itself is printed by npm run bench.
// What keeps it: every view but the card's people and every form load on first use, with the messages only they say
// (messages.later.*); Fluent's barrel is resolved into its packages at build (build-plugins/fluent-packages.mjs).
const BUDGET_GZIP_KB = 150;
const dist = path.resolve(__dirname, '../../addin/dist');

type Metafile = { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
const meta = JSON.parse(fs.readFileSync(path.join(dist, 'taskpane.meta.json'), 'utf8')) as Metafile;

/** The source files whose code ended up in the given outputs. */
function inputsOf(outputs: string[]): string[] {
  return outputs.flatMap((output) => Object.entries(meta.outputs[output]?.inputs ?? {}).filter(([, input]) => input.bytesInOutput > 0).map(([input]) => input));
}

describe("the pane's JavaScript", () => {
  const initial = initialJavaScript();
  const initialOutputs = initial.files.map((file) => path.join('dist', file));

  it(`loads at most ${BUDGET_GZIP_KB} KB gzip before the first card (the entry and its static imports)`, () => {
    expect(initial.gzipBytes).toBeLessThanOrEqual(BUDGET_GZIP_KB * 1024);
  });

  it('carries no zod and no schema anywhere: the client gets routes as data and types only', () => {
    const everything = inputsOf(Object.keys(meta.outputs));
    expect(everything.filter((input) => input.includes('node_modules/zod/'))).toEqual([]);
    expect(everything.filter((input) => /shared\/src\/.*\.(schema|kind)\.ts$/.test(input))).toEqual([]);
  });

  it('loads only English with the first card; another language comes as its own chunk when it is the display language', () => {
    const first = inputsOf(initialOutputs);
    expect(first.filter((input) => /i18n\/(messages|errors\/errors)\.(es|pt|it)\.ts$/.test(input))).toEqual([]);
    expect(first.some((input) => input.endsWith('i18n/messages.en.ts'))).toBe(true);
  });

  it('says nothing in the first card whose text loads later: no message of messages.later.* is named by its code', () => {
    const first = inputsOf(initialOutputs);
    expect(first.filter((input) => /i18n\/messages\.later\./.test(input))).toEqual([]);
    const later = Object.keys(enLater);
    const named = first
      .filter((input) => input.startsWith('src/') && !/src\/i18n\/(messages|errors|catalog)/.test(input))
      .flatMap((input) => {
        const source = fs.readFileSync(path.resolve(dist, '..', input), 'utf8');
        // A key by name ('deal.edit', or "deal.edit" as a JSX attribute), or a family of keys by its start (`caseStatus.${status}`).
        const byName = later.filter((key) => ['\'', '"', '`'].some((quote) => source.includes(`${quote}${key}${quote}`)));
        const byStart = [...source.matchAll(/`([a-zA-Z]+\.(?:[\w.]*\.)?)\$\{/g)].flatMap(([, start]) => later.filter((key) => key.startsWith(start!)));
        return [...byName, ...byStart].map((key) => `${input}: ${key}`);
      });
    expect(named).toEqual([]);
  });
});

describe("the dashboard's JavaScript", () => {
  const dashboard = JSON.parse(fs.readFileSync(path.join(dist, 'dashboard.meta.json'), 'utf8')) as Metafile;
  const everything = Object.values(dashboard.outputs).flatMap((output) => Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([input]) => input));

  it('carries no zod and no schema: it reads the API as the pane does, and has less to load before its charts', () => {
    expect(everything.filter((input) => input.includes('node_modules/zod/'))).toEqual([]);
    expect(everything.filter((input) => /shared\/src\/.*\.(schema|kind)\.ts$/.test(input))).toEqual([]);
  });

  it('loads one language, and no chart library: what it loads before its charts is its own', () => {
    const entry = Object.entries(dashboard.outputs).find(([file]) => file.endsWith('dashboard.js'));
    const preloaded = [...fs.readFileSync(path.join(dist, 'dashboard.html'), 'utf8').matchAll(/href="(chunks\/[^"]+\.js)"/g)].map((match) => match[1]);
    const first = Object.entries(dashboard.outputs)
      .filter(([file]) => file === entry?.[0] || preloaded.some((chunk) => chunk && file.endsWith(chunk)))
      .flatMap(([, output]) => Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([input]) => input));
    expect(first.filter((input) => /i18n\/(messages|catalog|errors\/errors)[^/]*\.(es|pt|it)\.ts$/.test(input))).toEqual([]);
    expect(everything.filter((input) => input.includes('node_modules/@fluentui/react-charts') || input.includes('node_modules/d3-'))).toEqual([]);
  });

  it("preloads its entry's chunks from its page", () => {
    const html = fs.readFileSync(path.join(dist, 'dashboard.html'), 'utf8');
    expect(html).not.toContain('<!-- modulepreload -->');
    expect(html.match(/rel="modulepreload"/g)?.length ?? 0).toBeGreaterThan(0);
  });

  it("preloads what each tab's own parts import, so that a tab's chunk is the only one the tab then waits for", () => {
    type Imports = { imports: { path: string; kind: string }[] };
    const { inputs, outputs } = JSON.parse(fs.readFileSync(path.join(dist, 'dashboard.meta.json'), 'utf8')) as { inputs: Record<string, Imports>; outputs: Record<string, Imports & { entryPoint?: string }> };
    const preloaded = new Set([...fs.readFileSync(path.join(dist, 'dashboard.html'), 'utf8').matchAll(/rel="modulepreload" href="([^"]+)"/g)].map((match) => `dist/${match[1]}`));
    const importsOf = (output: string, found = new Set<string>()): Set<string> => {
      for (const imported of outputs[output]?.imports ?? []) {
        if (imported.kind !== 'import-statement' || found.has(imported.path)) continue;
        found.add(imported.path);
        importsOf(imported.path, found);
      }
      return found;
    };
    // The parts tab-parts.tsx loads with each tab, each a chunk of its own.
    const loaded = (inputs['src/dashboard/tab-parts.tsx']?.imports ?? []).filter((imported) => imported.kind === 'dynamic-import').map((imported) => imported.path);
    const tabParts = Object.keys(outputs).filter((output) => loaded.includes(outputs[output]?.entryPoint ?? ''));
    expect(tabParts.length).toBeGreaterThanOrEqual(4);
    expect(tabParts).toHaveLength(loaded.length);
    for (const part of tabParts) {
      expect(preloaded.has(part)).toBe(false);
      expect([...importsOf(part)].filter((chunk) => !preloaded.has(chunk))).toEqual([]);
    }
  });
});
