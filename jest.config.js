/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@rapport/shared$': '<rootDir>/shared/src/index.ts',
    '^@rapport/shared/(.*)$': '<rootDir>/shared/src/$1',
    // office-addin-mock imports this ESM-only package for one enum; the stub gives it that enum.
    '^office-addin-manifest$': '<rootDir>/tests/stubs/office-addin-manifest.ts',
  },
  setupFiles: ['<rootDir>/tests/stubs/jsdom-polyfills.ts'],
  testTimeout: 30000,
};
