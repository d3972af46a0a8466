import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { acceptInvitation, lookupInvitation } from '../clients/invitation.service';
import { HttpProblem } from '../http/problem';
import { connectedPage, invitationPage } from '../pages/invitation-page';
import { Accepted, InvitationParams } from '../schemas/client.schema';
import { sendPage } from './invitation-page.route';

// The invitation page's Accept button is a plain HTML form (works without script, under any CSP).
const FORM = 'application/x-www-form-urlencoded';
const isForm = (request: FastifyRequest) => (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase() === FORM;

/** The taxpayer's side: the invitation token itself is the credential. */
export const invitationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The form sends no fields; whatever it carries is ignored.
  app.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 1024 }, (_request, _body, done) => done(null, undefined));

  app.post('/invitations/:token/accept', { schema: { params: InvitationParams, response: { 200: Accepted } } }, async (request, reply) => {
    const { token } = request.params;
    if (!isForm(request)) return acceptInvitation(app.db, token);
    // From the page: answer with a page too. A refused link (expired, replaced, unknown) shows why.
    try {
      await acceptInvitation(app.db, token);
    } catch (error) {
      if (!(error instanceof HttpProblem) || error.status >= 500) throw error;
    }
    const lookup = await lookupInvitation(app.db, token);
    return sendPage(reply, lookup.state === 'connected' ? connectedPage(lookup.profile.firmName) : invitationPage(lookup, request.url));
  });
};
