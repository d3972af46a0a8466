// office-addin-manifest (via @microsoft/app-manifest) requires strip-bom 5, an ES module: Node 20.19+
// can require() it, jest's sandbox cannot. So jest gets the package from Node's own loader; both
// specifiers scripts/check-manifest.ts imports map here (jest.config.js).
const load = require('../server/shims/native-require.cjs');

module.exports = {
  ...load('office-addin-manifest'),
  ManifestHandlerXml: load('office-addin-manifest/lib/manifestHandler/manifestHandlerXml').ManifestHandlerXml,
};
