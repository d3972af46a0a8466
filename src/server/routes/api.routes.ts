import type { FastifyPluginAsync } from 'fastify';
import { adminRoutes } from './admin.route';
import { authRoutes } from './auth.route';
import { batchRoutes } from './batches.route';
import { clientRoutes } from './clients.route';
import { firmAccessRoutes } from './firm-access.route';
import { firmRoutes } from './firm.route';
import { healthRoutes } from './health.route';
import { identityProviderRoutes } from './identity-provider.route';
import { importHistoryRoutes } from './import-history.route';
import { importRoutes } from './imports.route';
import { invitationResendRoutes } from './invitation-resend.route';
import { invitationRoutes } from './invitations.route';
import { meRoutes } from './me.route';
import { openApiRoutes } from './openapi.route';
import { reportRoutes } from './reports.route';

/**
 * Every `/api/v1` route, in three scopes by who may call it. The scope's onRequest hooks run before any
 * body is read: a caller without the right token learns nothing of a route's rules (DESIGN §9).
 */
export const apiRoutes: FastifyPluginAsync<{ adminToken?: string }> = async (api, { adminToken }) => {
  await api.register(async (anyone) => {
    anyone.addHook('onRequest', anyone.limits.byAddress);
    for (const routes of [openApiRoutes, healthRoutes, invitationRoutes, authRoutes]) await anyone.register(routes);
  });
  if (adminToken) await api.register(adminRoutes, { adminToken });
  await api.register(async (firm) => {
    firm.addHook('onRequest', firm.requireFirm);
    firm.addHook('onRoute', (route) => {
      route.schema = { ...route.schema, security: route.schema?.security ?? [{ apiKey: [] }, { session: [] }] };
    });
    for (const routes of [meRoutes, firmRoutes, importRoutes, importHistoryRoutes, batchRoutes, reportRoutes, clientRoutes, invitationResendRoutes]) {
      await firm.register(routes);
    }
    // The firm admin's routes: 403 for preparers and API keys, before any body is read.
    await firm.register(async (admins) => {
      admins.addHook('onRequest', admins.requireRole('admin'));
      admins.addHook('onSend', admins.forgetCredentialsOnChange);
      admins.addHook('onRoute', (route) => {
        route.schema = { ...route.schema, security: [{ session: [] }] };
      });
      await admins.register(firmAccessRoutes);
      await admins.register(identityProviderRoutes);
    });
  });
};
