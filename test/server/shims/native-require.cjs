// Node's own loader, not jest's: jest wraps `module.createRequire` to go back through its sandbox,
// but `Module._load` is Node's, so what it loads runs outside the sandbox.
const Module = require('node:module');

module.exports = (id) => {
  const parent = new Module.Module(__filename);
  parent.filename = __filename;
  parent.paths = Module._nodeModulePaths(__dirname);
  return Module._load(id, parent, false);
};
