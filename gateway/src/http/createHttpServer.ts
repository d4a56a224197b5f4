/**
 * The gateway's HTTP server: Fastify with bearer-token auth on every `/v1` route, CORS for
 * the add-in's origin only, body-size limits, per-user rate limits, and one error format.
 * @module
 */
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyError, FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { Logger } from 'pino';
import { isPostbudError, maskCprInText } from '@postbud/sdk';
import { AuthError } from '../auth/createTokenVerifier.js';
import type { TokenVerifier } from '../auth/createTokenVerifier.js';
import { ApiError } from './ApiError.js';
import { parseJsonBody } from './parseJsonBody.js';
import type { ApiRoute } from './ApiRoute.js';
import type { GatewayContext } from './GatewayContext.js';
import { directoryRoutes } from './routes/directoryRoutes.js';
import { letterRoutes } from './routes/letterRoutes.js';
import { meRoutes } from './routes/meRoutes.js';
import { reportRoutes } from './routes/reportRoutes.js';
import { systemRoutes } from './routes/systemRoutes.js';
import './routes/callerOf.js';

export interface HttpServer {
  readonly app: FastifyInstance;
  /** Every registered API route (also what `/openapi.json` documents). */
  readonly routes: readonly ApiRoute[];
  /** Every route Fastify actually serves, as `METHOD url` (HEAD/OPTIONS left out). */
  readonly served: readonly string[];
}

function errorBody(code: string, message: string, details?: Readonly<Record<string, unknown>>) {
  return { error: { code, message: maskCprInText(message), ...(details ? { details } : {}) } };
}

function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError | AuthError, request, reply) => {
    if (error instanceof ApiError) return reply.code(error.status).send(errorBody(error.code, error.message, error.details));
    if (error instanceof AuthError) {
      if (error.status === 401) reply.header('www-authenticate', 'Bearer');
      return reply.code(error.status).send(errorBody(error.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', error.message));
    }
    if ('validation' in error && error.validation) return reply.code(400).send(errorBody('REQUEST_INVALID', error.message));
    const status = 'statusCode' in error ? error.statusCode : undefined;
    if (status === 429) return reply.code(429).send(errorBody('RATE_LIMITED', 'Too many requests: wait a moment and try again.'));
    if (status === 413 || (error as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply.code(413).send(errorBody('TOO_LARGE', 'The request is larger than the gateway accepts.'));
    }
    if (status !== undefined && status >= 400 && status < 500) return reply.code(status).send(errorBody('REQUEST_INVALID', error.message));
    if (isPostbudError(error)) {
      request.log.warn({ code: error.code }, error.message);
      return reply.code(error.fault === 'client' ? 422 : 502).send(errorBody(error.code, error.message));
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.code(500).send(errorBody('INTERNAL', 'The gateway failed unexpectedly; the error is logged.'));
  });
}

/** JSON bodies through parseJsonBody instead of Fastify's default parser (same checks, cheaper on letters). */
function installJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    let value: unknown;
    try {
      value = parseJsonBody(body as Buffer);
    } catch (err) {
      return done(err as Error, undefined);
    }
    done(null, value);
  });
}

export async function createHttpServer(ctx: GatewayContext, verify: TokenVerifier, logger: Logger): Promise<HttpServer> {
  const { server } = ctx.config;
  const app: FastifyInstance = Fastify({ loggerInstance: logger as FastifyBaseLogger, bodyLimit: server.bodyLimitBytes });
  app.decorateRequest('caller', null);
  const served: string[] = [];
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (m !== 'HEAD' && m !== 'OPTIONS') served.push(`${m} ${r.url}`);
  });
  installErrorHandler(app);
  installJsonParser(app);
  await app.register(cors, { origin: server.corsOrigins.length > 0 ? [...server.corsOrigins] : false, credentials: false, maxAge: 600 });
  await app.register(multipart, { limits: { fileSize: server.bodyLimitBytes, files: 11, fields: 5 } });
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.auth !== true) return;
    request.caller = await verify(request.headers.authorization);
  });
  await app.register(rateLimit, {
    max: server.rateLimitMax,
    timeWindow: server.rateLimitWindowMs,
    hook: 'preHandler',
    keyGenerator: (request) => (request.caller ? `user:${request.caller.id}` : `ip:${request.ip}`),
  });
  const routes: ApiRoute[] = [];
  systemRoutes(app, routes, ctx);
  meRoutes(app, routes, ctx);
  directoryRoutes(app, routes, ctx);
  letterRoutes(app, routes, ctx);
  reportRoutes(app, routes, ctx);
  return { app, routes, served };
}
