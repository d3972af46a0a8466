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
  // numfmt 4.0.1's package.json sends `require` to dist/index.cjs, which it does not ship; its CommonJS
  // build is dist/index.js (webpack and tsx take that path through the "default" condition).
  // Jest has no Web Worker: the dropped-file reader's worker runs its own code on the test's thread.
  moduleNameMapper: {
    ...require('./test/server/jest-module-map.js'),
    '^office-addin-manifest(/lib/manifestHandler/manifestHandlerXml)?$': '<rootDir>/test/support/office-addin-manifest.cjs',
    '^numfmt$': '<rootDir>/node_modules/numfmt/dist/index.js',
    '^\\./reader-worker$': '<rootDir>/test/support/in-thread-reader-worker.ts',
  },
  testTimeout: 60000,
  // Jest's default on a 2-core machine is one worker, which leaves the second core to the servers, databases and
  // threads the tests start; most test files wait on those, so two workers share the cores better. Every test
  // makes its own database (PGlite in memory, or a throw-away PostgreSQL database) and its own port.
  maxWorkers: Math.max(2, require('node:os').cpus().length - 1),
};
