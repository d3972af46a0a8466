import type { FastifyPluginAsync } from 'fastify';
import { acceptInvitation } from '../clients/invitation.service';

/** The taxpayer's side: the invitation token itself is the credential. */
export const invitationRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { token: string } }>('/invitations/:token/accept', {
    schema: {
      params: {
        type: 'object',
        additionalProperties: false,
        required: ['token'],
        properties: { token: { type: 'string', pattern: '^[A-Za-z0-9_-]{20,100}$' } },
      },
      response: { 200: { type: 'object', properties: { taxClientId: { type: 'string' }, status: { type: 'string' } } } },
    },
  }, async (request) => acceptInvitation(app.db, request.params.token));
};
