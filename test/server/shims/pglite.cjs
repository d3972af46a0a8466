// Loads PGlite with Node's own loader, outside jest's module sandbox: its WebAssembly glue calls
// `import("node:module")`, which jest only allows under --experimental-vm-modules.
module.exports = require('./native-require.cjs')('@electric-sql/pglite');
