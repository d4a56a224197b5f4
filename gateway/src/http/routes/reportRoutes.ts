/**
 * `GET /v1/reports/replyability` as JSON, CSV (`format=csv` or `Accept: text/csv`) or an HTML
 * page with a chart (`format=html` or `Accept: text/html`).
 * @module
 */
import type { FastifyInstance } from 'fastify';
import { senderSystemsFor } from '../../auth/senderSystemsFor.js';
import { buildReplyabilityReport, replyabilityCsv } from '../../reports/replyabilityReport.js';
import { replyabilityHtml } from '../../reports/replyabilityHtml.js';
import { addRoute } from '../ApiRoute.js';
import type { ApiRoute } from '../ApiRoute.js';
import type { GatewayContext } from '../GatewayContext.js';
import { ReplyabilityReport } from '../schemas.js';
import { callerOf } from './callerOf.js';

export function reportRoutes(app: FastifyInstance, registry: ApiRoute[], ctx: GatewayContext): void {
  addRoute(app, registry, {
    method: 'GET', url: '/v1/reports/replyability', operationId: 'replyabilityReport', tag: 'reports',
    summary: 'Per sender system: letters sent, share reply-enabled, replies received, median time to reply',
    querystring: {
      type: 'object',
      properties: { from: { type: 'string', format: 'date-time' }, to: { type: 'string', format: 'date-time' }, format: { type: 'string', enum: ['json', 'csv', 'html'] } },
    },
    responses: {
      '200': {
        description: 'The report',
        content: { 'application/json': ReplyabilityReport, 'text/csv': { type: 'string' }, 'text/html': { type: 'string' } },
      },
    },
    handler: async (request, reply) => {
      const q = request.query as { from?: string; to?: string; format?: string };
      const systems = senderSystemsFor(callerOf(request), ctx.config).map((s) => s.id);
      const report = await buildReplyabilityReport(ctx.ledger, { senderSystems: systems, ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) });
      const accept = request.headers.accept ?? '';
      const format = q.format ?? (accept.includes('text/csv') ? 'csv' : accept.includes('text/html') ? 'html' : 'json');
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="replyability.csv"').send(replyabilityCsv(report));
      if (format === 'html') return reply.type('text/html; charset=utf-8').send(replyabilityHtml(report));
      return report;
    },
  });
}
