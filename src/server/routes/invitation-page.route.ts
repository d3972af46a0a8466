import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { lookupInvitation } from '../clients/invitation.service';
import { invitationPage, type RenderedPage } from '../pages/invitation-page';

/** Tokens are 43 URL-safe characters (security/tokens.ts); anything else cannot match one. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

const PageParams = Type.Object({ token: Type.String({ maxLength: 100 }) }, { additionalProperties: false });

// For the OpenAPI document: every answer of this route is a page, never JSON.
const PAGE = {
  description: 'An HTML page: the invitation with its Accept button, or what to do with a used, expired, replaced or unknown link',
  content: { 'text/html': { schema: { type: 'string' } } },
};

/** Sends a page that holds a link's state: never cached, never sent on as a Referer. */
export function sendPage(reply: FastifyReply, rendered: RenderedPage) {
  return reply
    .code(rendered.status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(rendered.html);
}

/** `GET /invitations/{token}`: the taxpayer's page, same origin as the API, no Office needed. */
export const invitationPageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/invitations/:token', { schema: { params: PageParams, response: { default: PAGE } } }, async (request, reply) => {
    const { token } = request.params;
    const lookup = TOKEN_SHAPE.test(token) ? await lookupInvitation(app.db, token) : { state: 'unknown' as const };
    return sendPage(reply, invitationPage(lookup, `/api/v1/invitations/${encodeURIComponent(token)}/accept`));
  });
};
