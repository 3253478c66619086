/**
 * One jest run for CI (`npm test`), in projects for the edit loop:
 * - unit: shared rules, the pane's components and adapters, the architecture rules, scripts, infra/ and the Azure
 *   package, checked offline (`npm run test:unit`);
 * - api: the API suites and the store contract, on SQLite and the in-process Cosmos DB server (`npm run test:api`);
 * - e2e: real Chromium through the demo (`npm run test:e2e`);
 * - soak: the host as its own process under load, and the crash test (`npm run test:soak`).
 * @type {import('jest').Config}
 */
// Packages that ship ES modules only (react-markdown and the unified packages it is built on): jest, which runs
// CommonJS, gets them through esbuild (tests/stubs/esm-to-cjs.js). Every other package is loaded as it is.
const esmOnly = [
  'react-markdown', 'unified', 'remark-', 'mdast-util-', 'micromark', 'hast-util-', 'unist-util-', 'vfile', 'devlop', 'bail',
  'trough', 'is-plain-obj', 'zwitch', 'ccount', 'longest-streak', 'trim-lines', 'property-information', 'space-separated-tokens',
  'comma-separated-tokens', 'html-url-attributes', 'estree-util-', 'decode-named-character-reference', 'character-entities',
  'character-reference-invalid', 'parse-entities', 'stringify-entities', 'is-alphanumerical', 'is-alphabetical', 'is-decimal',
  'is-hexadecimal', '@ungap/structured-clone',
];

const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  transform: {
    // Types are checked once by npm run typecheck (tsc over the tests too): jest only transpiles, file by file.
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
    '/node_modules/.+\\.js$': '<rootDir>/tests/stubs/esm-to-cjs.js',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')}))`],
  moduleNameMapper: {
    '^@rapport/shared$': '<rootDir>/shared/src/index.ts',
    '^@rapport/shared/(.*)$': '<rootDir>/shared/src/$1',
    // office-addin-mock imports this ESM-only package for one enum; the stub gives it that enum.
    '^office-addin-manifest$': '<rootDir>/tests/stubs/office-addin-manifest.ts',
  },
  setupFiles: ['<rootDir>/tests/stubs/jsdom-polyfills.ts'],
};

const project = (displayName, testMatch, testPathIgnorePatterns = []) => ({ ...base, displayName, testMatch, testPathIgnorePatterns });

module.exports = {
  testTimeout: 30000,
  projects: [
    project('unit', ['<rootDir>/tests/{shared,addin,architecture,scripts,infra}/**/*.test.{ts,tsx}']),
    project('api', ['<rootDir>/tests/functions/**/*.test.ts'], ['/tests/functions/soak\\.test\\.ts$']),
    // The demo is seeded once for all the suites, each starting on a copy (tests/e2e/seeded-demo.ts).
    // Its environment prints what the browser showed when a test fails (tests/e2e/environment.ts).
    { ...project('e2e', ['<rootDir>/tests/e2e/**/*.test.ts']), testEnvironment: '<rootDir>/tests/e2e/environment.ts', globalSetup: '<rootDir>/tests/e2e/global-setup.ts', globalTeardown: '<rootDir>/tests/e2e/global-teardown.ts' },
    project('soak', ['<rootDir>/tests/functions/soak.test.ts']),
  ],
};
