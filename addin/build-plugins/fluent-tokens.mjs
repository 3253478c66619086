// Replaces Fluent's `tokens` (@fluentui/tokens/lib/tokens.js) in the pages' bundles with a Proxy that answers the same
// strings. That module is a map of 459 names to CSS variables, nearly all `name: 'var(--name)'`: about 30 KB of the
// pane's first JavaScript (4 KB gzip) spelling each name twice. Fluent's styles read tokens by name only (none spreads or
// lists them), so a Proxy answers each read; the few tokens with a fallback (`var(--zIndexPopup, 2000)`) are kept as
// data. tests/addin/fluent-tokens.test.ts checks every token answers as Fluent's does.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The path of Fluent's tokens module, as the bundler resolves it (ES modules). */
export function fluentTokensFile() {
  const main = createRequire(import.meta.url).resolve('@fluentui/tokens');
  return path.join(main.replace(/lib-commonjs[\\/].*$/, ''), 'lib', 'tokens.js');
}

/** The replacement module's source: the tokens that are not `var(--name)`, and a Proxy for all the others. */
export function tokensModule(source) {
  const exceptions = {};
  for (const [, name, value] of source.matchAll(/^\s*(?:\*\/\s*)?(\w+): '([^']*)',?\s*$/gm)) {
    if (value !== `var(--${name})`) exceptions[name] = value;
  }
  return [
    `const exceptions = ${JSON.stringify(exceptions)};`,
    'export const tokens = new Proxy(exceptions, { get: (target, name) => (typeof name !== "string" ? undefined : target[name] ?? `var(--${name})`) });',
  ].join('\n');
}

export function fluentTokens() {
  const file = fluentTokensFile();
  const contents = tokensModule(fs.readFileSync(file, 'utf8'));
  return {
    name: 'fluent-tokens',
    setup(build) {
      build.onLoad({ filter: /[\\/]@fluentui[\\/]tokens[\\/]lib[\\/]tokens\.js$/ }, () => ({ contents, loader: 'js' }));
    },
  };
}
