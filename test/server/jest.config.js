/** The server tests alone (`npm run test:server`); the root config already maps the shims they need. */
const root = require('../../jest.config.js');

module.exports = { ...root, rootDir: '../..', roots: ['<rootDir>/src/server', '<rootDir>/test/server'] };
