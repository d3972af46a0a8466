// ESM-only: loaded with Node's own require(esm), outside jest's sandbox.
module.exports = require('./native-require.cjs')('oidc-provider');
