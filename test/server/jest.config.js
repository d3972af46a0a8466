/** The root jest config plus the two shims the server tests need (see test/server/shims). */
const root = require('../../jest.config.js');

module.exports = {
  ...root,
  rootDir: '../..',
  moduleNameMapper: { ...(root.moduleNameMapper ?? {}), ...require('./jest-module-map.js') },
};
