/**
 * Inbound post for recipient systems (REST_PULL): replies from the mailbox land at the system
 * bound to the contact point they answer. `GET memos/` → PagingResultUUID, `GET memos/{id}` → MeMo
 * XML, `POST memos/{id}/receipt` → business receipt, `DELETE memos/{id}`.
 * @module
 */
import { emptyResult, jsonResult, xmlResult, type HttpResult } from '../http/HttpResult.js';
import { parseJsonBody, readBody } from '../http/readBody.js';
import type { RequestContext } from '../http/Router.js';
import type { SandboxContext } from '../SandboxContext.js';
import { authenticateNgdp } from './ngdpAuth.js';
import { errorMessage } from './errorMessage.js';
import { pagingResult } from './paging.js';

export function listInboundHandler(ctx: SandboxContext) {
  return (rc: RequestContext): HttpResult => {
    const caller = authenticateNgdp(ctx, rc);
    const ids = ctx.store.inboundList({ systemId: caller.system.id }).map((r) => r.id);
    return jsonResult(200, pagingResult(ids, rc.url));
  };
}

function ownInbound(ctx: SandboxContext, rc: RequestContext) {
  const caller = authenticateNgdp(ctx, rc);
  const r = ctx.store.inbound(rc.params['id'] ?? '');
  if (!r || r.systemId !== caller.system.id) return null;
  return r;
}

export function getInboundHandler(ctx: SandboxContext) {
  return (rc: RequestContext): HttpResult => {
    const r = ownInbound(ctx, rc);
    if (!r) return errorMessage(404, 'memo.not.found', 'No such inbound MeMo for this system.');
    if (r.fetchedAt === null) ctx.store.updateInbound(r.id, { fetchedAt: new Date().toISOString() });
    return xmlResult(200, r.memoXml);
  };
}

const RECEIPT_STATUSES = new Set(['RECEIVED', 'COMPLETED', 'INVALID', 'NOT_ALLOWED']);

export function inboundReceiptHandler(ctx: SandboxContext) {
  return async (rc: RequestContext): Promise<HttpResult> => {
    const r = ownInbound(ctx, rc);
    if (!r) return errorMessage(404, 'memo.not.found', 'No such inbound MeMo for this system.');
    const body = parseJsonBody(await readBody(rc.req, 1024 * 1024));
    const status = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['receiptStatus'] : undefined;
    if (typeof status !== 'string' || !RECEIPT_STATUSES.has(status)) {
      return errorMessage(400, 'receipt.invalid', 'A business receipt needs receiptStatus (COMPLETED for positive, INVALID or NOT_ALLOWED for negative).', {
        fieldErrors: [{ resource: 'receipt', field: 'receiptStatus', code: 'invalid', message: 'Missing or unknown.', rejectedValue: typeof status === 'string' ? status : null }],
      });
    }
    ctx.store.updateInbound(r.id, { businessReceipt: JSON.stringify(body) });
    return emptyResult(204);
  };
}

export function deleteInboundHandler(ctx: SandboxContext) {
  return (rc: RequestContext): HttpResult => {
    const r = ownInbound(ctx, rc);
    if (!r) return errorMessage(404, 'memo.not.found', 'No such inbound MeMo for this system.');
    ctx.store.updateInbound(r.id, { deleted: true });
    return emptyResult(204);
  };
}
