import { execFileSync } from 'node:child_process';
import path from 'node:path';
import vm from 'node:vm';
import { tokens } from '@fluentui/tokens';

const plugin = path.resolve(__dirname, '../../addin/build-plugins/fluent-tokens.mjs');

/** The module the build puts in place of Fluent's tokens (the plugin is an ES module: node runs it, as the build does). */
function bundledTokensModule(): string {
  const script = `const fs = await import('node:fs'); const m = await import(${JSON.stringify(plugin)}); process.stdout.write(m.tokensModule(fs.readFileSync(m.fluentTokensFile(), 'utf8')));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
}

// The pages' bundles replace Fluent's table of tokens with a Proxy (build-plugins/fluent-tokens.mjs): each token must
// answer exactly what Fluent's table says, or a colour, a spacing or a layer would silently change.
describe("Fluent's tokens in the pages' bundles", () => {
  const source = bundledTokensModule();
  const context: { tokens?: Record<string, unknown> } = {};
  vm.runInNewContext(`${source.replace('export const tokens', 'tokens')}`, context);
  const bundled = context.tokens as Record<string, unknown>;

  it('answers every token as Fluent does, those with a fallback included', () => {
    const names = Object.keys(tokens);
    expect(names.length).toBeGreaterThan(400);
    for (const name of names) expect([name, bundled[name]]).toEqual([name, (tokens as Record<string, string>)[name]]);
    expect(bundled.zIndexPopup).toBe('var(--zIndexPopup, 2000)');
  });

  it('keeps only the exceptions as data', () => {
    expect(source.length).toBeLessThan(1_000);
  });
});
