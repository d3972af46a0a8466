// TypeBox 1.x is ESM-only; Node 20.19+ can require() it natively but jest's sandbox cannot.
module.exports = require('./native-require.cjs')('typebox');
