import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { acceptInvitation } from '../clients/invitation.service';
import { Accepted, InvitationParams } from '../schemas/client.schema';

/** The taxpayer's side: the invitation token itself is the credential. */
export const invitationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/invitations/:token/accept', { schema: { params: InvitationParams, response: { 200: Accepted } } }, async (request) =>
    acceptInvitation(app.db, request.params.token),
  );
};
