/**
 * Health (the process answers), readiness (ledger reachable, workers running; `degraded`
 * while sends fail for reasons not the letters' own) and the
 * OpenAPI document. No token needed.
 * @module
 */
import type { FastifyInstance } from 'fastify';
import { addRoute } from '../ApiRoute.js';
import type { ApiRoute } from '../ApiRoute.js';
import { buildOpenApi } from '../buildOpenApi.js';
import type { GatewayContext } from '../GatewayContext.js';

const status = { type: 'object', properties: { status: { type: 'string' }, checks: { type: 'object' } } } as const;

export function systemRoutes(app: FastifyInstance, registry: ApiRoute[], ctx: GatewayContext): void {
  addRoute(app, registry, {
    method: 'GET', url: '/health', operationId: 'health', tag: 'system', auth: false,
    summary: 'Liveness: the process answers',
    responses: { '200': { description: 'Alive', content: { 'application/json': status } } },
    handler: async () => ({ status: 'ok' }),
  });
  addRoute(app, registry, {
    method: 'GET', url: '/ready', operationId: 'ready', tag: 'system', auth: false,
    summary: 'Readiness: the ledger answers and the workers run',
    responses: { '200': { description: 'Ready', content: { 'application/json': status } }, '503': { description: 'Not ready', content: { 'application/json': status } } },
    handler: async (_request, reply) => {
      const ledger = await ctx.ledger.ping().catch(() => false);
      const ready = ledger && ctx.isReady();
      const route = ctx.routeHealth?.();
      reply.code(ready ? 200 : 503);
      return { status: !ready ? 'not-ready' : route?.ok === false ? 'degraded' : 'ready', checks: { ledger, workers: ctx.isReady(), ...(route ? { route } : {}) } };
    },
  });
  addRoute(app, registry, {
    method: 'GET', url: '/openapi.json', operationId: 'openapi', tag: 'system', auth: false,
    summary: 'This API as OpenAPI 3.1',
    responses: { '200': { description: 'The OpenAPI document', content: { 'application/json': { type: 'object' } } } },
    handler: async () => buildOpenApi(registry, { version: ctx.version, authority: ctx.config.authority.name }),
  });
}
