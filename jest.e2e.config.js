/** Browser end-to-end tests: the pane's harness build in headless Chromium against the real backend on PGlite. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
  },
  // PGlite and cookie load outside jest's sandbox, as in the server tests (see test/server/shims).
  moduleNameMapper: require('./test/server/jest-module-map.js'),
  testTimeout: 180000,
  maxWorkers: 1,
};
