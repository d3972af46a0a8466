/** Unit, Excel-fake and server tests. Browser end-to-end tests live in test/e2e and run with jest.e2e.config.js. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/fixtures/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
  },
  // PGlite's WebAssembly glue, cookie 2 (used by app.inject) and office-addin-manifest must load outside jest's sandbox.
  moduleNameMapper: {
    ...require('./test/server/jest-module-map.js'),
    '^office-addin-manifest(/lib/manifestHandler/manifestHandlerXml)?$': '<rootDir>/test/support/office-addin-manifest.cjs',
  },
  testTimeout: 60000,
};
