// Rewrites the pane's imports from Fluent's barrel (@fluentui/react-components) into imports from the packages that
// barrel re-exports (@fluentui/react-button, …). esbuild splits code by module: through the one barrel module, every
// chunk that imports any Fluent component would share one chunk holding all of them, so the first card's JavaScript
// carried the forms' and the calendar's components too. Per package, each chunk takes only what its files use.
import fs from 'node:fs';
import { createRequire } from 'node:module';

/** Maps each name the barrel exports to the package (and name there) it comes from. */
function barrelExports() {
  const barrel = createRequire(import.meta.url).resolve('@fluentui/react-components').replace(/lib-commonjs[\\/]index\.cjs$/, 'lib/index.js');
  const source = fs
    .readFileSync(barrel, 'utf8')
    .replace(/\/\/[^\n]*\n/g, '\n')
    .replace(/\/\*[\s\S]*?\*\//g, '');
  const exports = new Map();
  for (const [, names, from] of source.matchAll(/export\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
    for (const specifier of names.split(',').map((name) => name.trim()).filter(Boolean)) {
      const [original, alias] = specifier.split(/\s+as\s+/).map((name) => name.trim());
      exports.set(alias ?? original, { from, original });
    }
  }
  return exports;
}

/** An import of the barrel, rewritten as imports of its packages; left as it is when a name is not found. */
function splitImport(whole, names, exports) {
  const byPackage = new Map();
  for (const specifier of names.split(',').map((name) => name.trim()).filter(Boolean)) {
    if (specifier.startsWith('type ')) continue; // types leave no code
    const [imported, local = imported] = specifier.split(/\s+as\s+/).map((name) => name.trim());
    const target = exports.get(imported);
    if (!target) return whole;
    const list = byPackage.get(target.from) ?? [];
    list.push(local === target.original ? local : `${target.original} as ${local}`);
    byPackage.set(target.from, list);
  }
  return [...byPackage].map(([from, list]) => `import { ${list.join(', ')} } from '${from}';`).join('\n');
}

/** The esbuild plugin, for the add-in's own sources (src/). */
export function fluentPackages() {
  const exports = barrelExports();
  return {
    name: 'fluent-packages',
    setup(build) {
      build.onLoad({ filter: /[\\/]addin[\\/]src[\\/].*\.tsx?$/ }, (args) => {
        const source = fs.readFileSync(args.path, 'utf8');
        const contents = source.replace(/import\s*\{([^}]*)\}\s*from\s*'@fluentui\/react-components';/g, (whole, names) => splitImport(whole, names, exports));
        return { contents, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' };
      });
    },
  };
}
