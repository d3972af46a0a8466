import type { FastifyRequest } from 'fastify';

// Invitation links carry their token as the last path segment (DESIGN §6), also when a whole link is
// pasted, percent-encoded, into a query; a query may carry a token too.
// `/clients/invitations/resend` is a firm route, not a link: its last segment is no token.
const TOKEN_IN_PATH = /(?<!\/clients)(\/invitations\/)[^/?#]+/g;
const TOKEN_IN_ENCODED_LINK = /(%2Finvitations%2F)[^%&#]+/gi;
const TOKEN_IN_QUERY = /([?&](?:token|access_token)=)[^&#]*/gi;

/** A URL fit for a log line: `/invitations/abc…/accept` → `/invitations/[redacted]/accept`. */
export function redactUrl(url: string): string {
  return url.replace(TOKEN_IN_PATH, '$1[redacted]').replace(TOKEN_IN_ENCODED_LINK, '$1[redacted]').replace(TOKEN_IN_QUERY, '$1[redacted]');
}

/**
 * Pino options for the app's logger: no secret (Authorization header, cookie, token, invitation link)
 * reaches a log line, whatever a route or an error logs (DESIGN §6).
 */
export function loggerOptions(base: Record<string, unknown>): Record<string, unknown> {
  return {
    ...base,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'token', '*.token', 'invitationUrl', '*.invitationUrl'],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        host: request.host,
        remoteAddress: request.ip,
      }),
    },
  };
}
