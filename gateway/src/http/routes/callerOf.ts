/**
 * The verified caller of a request (set by the auth hook).
 * @module
 */
import type { FastifyRequest } from 'fastify';
import type { Caller } from '../../auth/Caller.js';
import { ApiError } from '../ApiError.js';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    /** The route needs a verified bearer token. */
    auth?: boolean;
  }
}

export function callerOf(request: FastifyRequest): Caller {
  if (request.caller === null) throw new ApiError(401, 'UNAUTHENTICATED', 'Send an identity token as "Authorization: Bearer <token>".');
  return request.caller;
}
