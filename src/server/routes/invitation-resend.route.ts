import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { resendInvitations } from '../clients/invitation.service';
import { actorLabel } from '../access/actor';
import { currentActor, currentFirm } from '../plugins/auth.plugin';
import { InvitationRequest, InvitationResults } from '../schemas/client.schema';

/**
 * `POST /clients/invitations/resend`: a fresh link for each Not Enrolled client; the old link then
 * says it was replaced. One result per ID: a Connected, Not Invited or unknown client is reported
 * with the reason and left as it is (the others in the same request still go).
 */
export const invitationResendRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/clients/invitations/resend', { schema: { body: InvitationRequest, response: { 200: InvitationResults } } }, async (request) => ({
    results: await resendInvitations(app.db, {
      firm: currentFirm(request),
      taxClientIds: request.body.taxClientIds,
      origin: app.publicOrigin(),
      sealer: app.sealer,
      actor: actorLabel(currentActor(request)),
    }),
  }));
};
