import { STATUS_CODES } from 'node:http';
import type { Problem } from '../../domain/api-types';

/** An error that becomes a problem+json answer with its own status; thrown by routes and services. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly type = 'about:blank',
  ) {
    super(detail);
  }
}

export const notFound = (what: string) => new HttpProblem(404, `${what} not found`, 'urn:problem:not-found');
export const conflict = (detail: string) => new HttpProblem(409, detail, 'urn:problem:conflict');
export const unauthorized = (detail: string) => new HttpProblem(401, detail, 'urn:problem:unauthorized');
export const tooLarge = (detail: string) => new HttpProblem(413, detail, 'urn:problem:too-large');

export function problem(status: number, detail: string, type = 'about:blank'): Problem {
  return { type, title: STATUS_CODES[status] ?? 'Error', status, detail };
}
