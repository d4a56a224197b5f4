/**
 * One HTTP API operation: how Fastify serves it and how `/openapi.json` documents it, in one
 * place. Every route is registered through {@link addRoute}, which records it for the document.
 * @module
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {} from './routes/callerOf.js';

type Schema = Readonly<Record<string, unknown>>;

export interface ApiRoute {
  readonly method: 'GET' | 'POST';
  /** Fastify path syntax (`/v1/letters/:id`). */
  readonly url: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  /** Needs a bearer token. Default true. */
  readonly auth?: boolean;
  readonly params?: Schema;
  readonly querystring?: Schema;
  /** Request body by media type; `application/json` is also validated by Fastify. */
  readonly body?: Readonly<Record<string, Schema>>;
  /** Validate the JSON body with Fastify. Default true when a JSON body is given. */
  readonly validateBody?: boolean;
  /** Responses by status: description and schema per media type. */
  readonly responses: Readonly<Record<string, { readonly description: string; readonly content?: Readonly<Record<string, Schema>> }>>;
  readonly handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

export function addRoute(app: FastifyInstance, registry: ApiRoute[], route: ApiRoute): void {
  registry.push(route);
  const json = route.body?.['application/json'];
  app.route({
    method: route.method,
    url: route.url,
    config: { auth: route.auth !== false },
    schema: {
      ...(route.params ? { params: route.params } : {}),
      ...(route.querystring ? { querystring: route.querystring } : {}),
      ...(json && route.validateBody !== false ? { body: json } : {}),
    },
    handler: route.handler,
  });
}
