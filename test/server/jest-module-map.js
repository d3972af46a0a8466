/** moduleNameMapper entries for server tests; the root jest.config.js can spread this in too. */
module.exports = {
  '^@electric-sql/pglite$': '<rootDir>/test/server/shims/pglite.cjs',
  '^cookie$': '<rootDir>/test/server/shims/cookie.cjs',
  '^typebox$': '<rootDir>/test/server/shims/typebox.cjs',
  '^@seriousme/openapi-schema-validator$': '<rootDir>/test/server/shims/openapi-schema-validator.cjs',
  '^openid-client$': '<rootDir>/test/server/shims/openid-client.cjs',
  '^jose$': '<rootDir>/test/server/shims/jose.cjs',
  '^oidc-provider$': '<rootDir>/test/server/shims/oidc-provider.cjs',
  '/scripts/identity-provider\\.mjs$': '<rootDir>/test/server/shims/identity-provider.cjs',
};
