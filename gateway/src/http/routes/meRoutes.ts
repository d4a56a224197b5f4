/**
 * `GET /v1/me`: the caller's sender systems, contact points and reply policy: what the
 * Outlook add-in shows before a caseworker sends.
 * @module
 */
import type { FastifyInstance } from 'fastify';
import { senderSystemsFor } from '../../auth/senderSystemsFor.js';
import { addRoute } from '../ApiRoute.js';
import type { ApiRoute } from '../ApiRoute.js';
import type { GatewayContext } from '../GatewayContext.js';
import { Me } from '../schemas.js';
import { callerOf } from './callerOf.js';

export function meRoutes(app: FastifyInstance, registry: ApiRoute[], ctx: GatewayContext): void {
  addRoute(app, registry, {
    method: 'GET', url: '/v1/me', operationId: 'getMe', tag: 'caller',
    summary: "The caller's sender systems, contact points and reply policy",
    responses: { '200': { description: 'The caller', content: { 'application/json': Me } } },
    handler: async (request) => {
      const caller = callerOf(request);
      const points = new Map(ctx.config.contactPoints.map((c) => [c.id, c]));
      return {
        caller,
        authority: ctx.config.authority,
        limits: ctx.config.limits,
        senderSystems: senderSystemsFor(caller, ctx.config).map((s) => {
          const plugin = ctx.plugins.get(s.id);
          return {
            id: s.id, label: plugin?.label ?? s.id, senderLabel: s.senderLabel, capabilities: plugin?.capabilities,
            reply: s.reply, channel: s.channel, requiredMetadata: s.requiredMetadata,
            contactPoints: s.contactPoints.flatMap((id) => {
              const c = points.get(id);
              return c !== undefined && c.active && c.visible ? [{ id, label: c.label }] : [];
            }),
          };
        }),
      };
    },
  });
}
