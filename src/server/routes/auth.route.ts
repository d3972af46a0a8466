import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { finishProviderSignIn, startProviderSignIn } from '../access/oidc-sign-in.service';
import { refreshSession, type TokenPair } from '../access/session.service';
import { sendSignInCodes, signInWithCode } from '../access/sign-in-code.service';
import { HttpProblem } from '../http/problem';
import { CodeRequestBody, CodeSent, CodeSignInBody, RefreshBody, TokenPairSchema } from '../schemas/access.schema';
import { ProviderFinishBody, ProviderStartBody, ProviderStarted } from '../schemas/identity.schema';
import { signInRedirectUri } from './identity-provider.route';

/**
 * Signing in without a token (DESIGN §6): through the firm's identity provider, with a one-time code by
 * e-mail, and refreshing a session. A refused provider answer, code or refresh token counts as a failed
 * authentication of the address (rate-limit plugin).
 */
export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // A refresh token replayed ends its session here: nothing kept on this server may outlive that.
  app.addHook('onSend', app.forgetCredentialsOnChange);

  const counted = async (request: FastifyRequest, reply: FastifyReply, signIn: () => Promise<TokenPair>) => {
    try {
      return await signIn();
    } catch (error) {
      if (error instanceof HttpProblem && error.status === 401) throw await app.limits.failure(request, reply, error);
      throw error;
    }
  };

  app.post('/auth/code', { schema: { body: CodeRequestBody, response: { 202: CodeSent } } }, async (request, reply) => {
    await sendSignInCodes(app.db, app.sealer, request.body.email);
    return reply.code(202).send({ status: 'sent' as const });
  });

  app.post('/auth/code/sign-in', { schema: { body: CodeSignInBody, response: { 200: TokenPairSchema } } }, async (request, reply) =>
    counted(request, reply, () => signInWithCode(app.db, request.body.email, request.body.code)),
  );

  const provider = { db: app.db, sealer: app.sealer, clients: app.oidcClients };

  app.post('/auth/oidc/start', { schema: { body: ProviderStartBody, response: { 200: ProviderStarted } } }, async (request) => {
    const url = await startProviderSignIn(provider, { ...request.body, redirectUri: signInRedirectUri(app) });
    return { authorizationUrl: url.href };
  });

  app.post('/auth/oidc/finish', { schema: { body: ProviderFinishBody, response: { 200: TokenPairSchema } } }, async (request, reply) =>
    counted(request, reply, () => finishProviderSignIn(provider, request.body)),
  );

  app.post('/auth/refresh', { schema: { body: RefreshBody, response: { 200: TokenPairSchema } } }, async (request, reply) =>
    counted(request, reply, () => refreshSession(app.db, request.body.refreshToken)),
  );
};
