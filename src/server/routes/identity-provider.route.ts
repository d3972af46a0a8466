import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorLabel } from '../access/actor';
import { deleteIdentityProvider, findIdentityProvider, saveIdentityProvider, type StoredIdentityProvider } from '../access/identity-provider.repository';
import { isLoopbackIssuer } from '../access/oidc-clients';
import { recordAuditEvent } from '../audit/audit.repository';
import { HttpProblem, notFound } from '../http/problem';
import { currentActor, currentFirm } from '../plugins/auth.plugin';
import { IdentityProviderBody, IdentityProviderSchema } from '../schemas/identity.schema';

/** The dialog page of the add-in build that the provider sends people back to. */
export const signInRedirectUri = (app: FastifyInstance) => `${app.publicOrigin()}/sign-in.html`;

/** The firm admin's identity provider (DESIGN §6); registered with the admin routes (403 for others). */
export const identityProviderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const view = (stored: StoredIdentityProvider) => ({
    issuer: stored.issuer,
    clientId: stored.clientId,
    hasClientSecret: stored.clientSecretSealed !== null,
    allowedDomains: stored.allowedDomains,
    redirectUri: signInRedirectUri(app),
  });

  app.get('/firm/identity-provider', { schema: { response: { 200: IdentityProviderSchema } } }, async (request) => {
    const stored = await findIdentityProvider(app.db, currentFirm(request).id);
    if (!stored) throw notFound('Identity provider');
    return view(stored);
  });

  app.put('/firm/identity-provider', { schema: { body: IdentityProviderBody, response: { 200: IdentityProviderSchema } } }, async (request) => {
    const { issuer, clientId, clientSecret, allowedDomains } = request.body;
    const url = new URL(issuer);
    if (url.protocol !== 'https:' && !isLoopbackIssuer(url)) throw new HttpProblem(400, 'The issuer must be an https URL', 'urn:problem:bad-request');
    // The provider must answer its discovery document now, not at someone's first sign-in.
    await app.oidcClients.configFor({ issuer, clientId, clientSecret: clientSecret ?? null }).catch((error: unknown) => {
      throw new HttpProblem(
        422,
        `The issuer's discovery document could not be read: ${String((error as { message?: unknown } | null)?.message ?? 'unknown error').slice(0, 300)}`,
      );
    });
    const stored: StoredIdentityProvider = {
      firmId: currentFirm(request).id,
      issuer,
      clientId,
      clientSecretSealed: clientSecret ? app.sealer.seal(clientSecret) : null,
      allowedDomains: [...new Set((allowedDomains ?? []).map((d) => d.toLowerCase()))],
    };
    await app.db.transaction().execute(async (trx) => {
      await saveIdentityProvider(trx, stored);
      await recordAuditEvent(trx, {
        firmId: stored.firmId,
        actor: actorLabel(currentActor(request)),
        action: 'identity-provider.set',
        detail: { issuer, clientId, allowedDomains: stored.allowedDomains },
      });
    });
    return view(stored);
  });

  app.delete('/firm/identity-provider', async (request, reply) => {
    const firmId = currentFirm(request).id;
    await app.db.transaction().execute(async (trx) => {
      if (!(await deleteIdentityProvider(trx, firmId))) throw notFound('Identity provider');
      await recordAuditEvent(trx, { firmId, actor: actorLabel(currentActor(request)), action: 'identity-provider.removed', detail: {} });
    });
    return reply.code(204).send();
  });
};
