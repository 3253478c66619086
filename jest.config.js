/**
 * One jest run for CI (`npm test`), in projects for the edit loop:
 * - unit: shared rules, the pane's components and adapters, the architecture rules, scripts, infra/ and the Azure
 *   package, checked offline (`npm run test:unit`);
 * - api: the API suites and the store contract, on SQLite and the in-process Cosmos DB server (`npm run test:api`);
 * - e2e: real Chromium through the demo (`npm run test:e2e`);
 * - soak: the host as its own process under load, and the crash test (`npm run test:soak`).
 * @type {import('jest').Config}
 */
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  transform: {
    // Types are checked once by npm run typecheck (tsc over the tests too): jest only transpiles, file by file.
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
  },
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
    project('e2e', ['<rootDir>/tests/e2e/**/*.test.ts']),
    project('soak', ['<rootDir>/tests/functions/soak.test.ts']),
  ],
};
