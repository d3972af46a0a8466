import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from '../../domain/api-types';
import { HttpProblem, problem } from '../http/problem';
import { shared } from '../http/shared-plugin';
import { describeValidation } from '../http/validation-detail';

function send(reply: FastifyReply, body: Problem) {
  return reply.code(body.status).type('application/problem+json').send(body);
}

function toProblem(error: FastifyError, request: FastifyRequest): Problem {
  if (error instanceof HttpProblem) return problem(error.status, error.detail, error.type);
  if (error.validation) {
    return problem(400, describeValidation(error.validation, error.validationContext, request.body), 'urn:problem:validation');
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return problem(413, error.message, 'urn:problem:too-large');
  if (status >= 400 && status < 500) return problem(status, error.message);
  return problem(500, 'The server could not complete the request');
}

/** The one error handler: every failure answers application/problem+json; 5xx details stay in the log. */
export const problemPlugin: FastifyPluginAsync = shared(async (app) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body = toProblem(error, request);
    if (body.status >= 500) request.log.error({ err: error }, 'request failed');
    return send(reply, body);
  });
  app.setNotFoundHandler((request, reply) => send(reply, problem(404, `No route for ${request.method} ${request.url.split('?')[0]}`, 'urn:problem:not-found')));
});
