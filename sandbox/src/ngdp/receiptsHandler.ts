/**
 * NgDP receipts for the calling system: `GET receipts/` (PagingResultUUID),
 * `GET receipts/{id}?delete=` and `DELETE receipts/{id}`.
 * @module
 */
import { emptyResult, jsonResult, type HttpResult } from '../http/HttpResult.js';
import type { RequestContext } from '../http/Router.js';
import type { SandboxContext } from '../SandboxContext.js';
import { authenticateNgdp } from './ngdpAuth.js';
import { errorMessage } from './errorMessage.js';
import { pagingResult } from './paging.js';

export function listReceiptsHandler(ctx: SandboxContext) {
  return (rc: RequestContext): HttpResult => {
    const caller = authenticateNgdp(ctx, rc);
    const ids = ctx.store.receipts(caller.system.id).map((r) => r.id);
    return jsonResult(200, pagingResult(ids, rc.url));
  };
}

export function getReceiptHandler(ctx: SandboxContext) {
  return (rc: RequestContext): HttpResult => {
    const caller = authenticateNgdp(ctx, rc);
    const r = ctx.store.receipt(rc.params['id'] ?? '');
    if (!r || r.systemId !== caller.system.id) return errorMessage(404, 'receipt.not.found', 'No such receipt for this system.');
    if (rc.url.searchParams.get('delete') === 'true') ctx.store.deleteReceipt(r.id);
    return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: r.json };
  };
}

export function deleteReceiptHandler(ctx: SandboxContext) {
  return (rc: RequestContext): HttpResult => {
    const caller = authenticateNgdp(ctx, rc);
    const r = ctx.store.receipt(rc.params['id'] ?? '');
    if (!r || r.systemId !== caller.system.id) return errorMessage(404, 'receipt.not.found', 'No such receipt for this system.');
    ctx.store.deleteReceipt(r.id);
    return emptyResult(204);
  };
}
