// cookie 2 is ESM-only; Node 20.19+ can require() it natively but jest's sandbox cannot (light-my-request needs it).
module.exports = require('./native-require.cjs')('cookie');
