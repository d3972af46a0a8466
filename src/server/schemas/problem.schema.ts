import { Type } from 'typebox';
import type { Problem } from '../../domain/api-types';
import { wire } from './wire-type';

/** RFC 9457 problem details: the body of every error answer. */
export const ProblemSchema = wire<Problem>()(
  Type.Object({
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
  }),
);
