// Plain ESM JavaScript (oidc-provider wants its configuration from Node's own realm): loaded outside jest's sandbox.
module.exports = require('./native-require.cjs')(require('node:path').join(__dirname, '../../../scripts/identity-provider.mjs'));
