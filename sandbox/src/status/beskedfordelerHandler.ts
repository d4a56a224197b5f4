/**
 * Pull side of the Beskedfordeler stand-in: `GET /beskedfordeler/v1/messages?max=N` →
 * `{"messages":[{"id","xml"}]}` and `DELETE /beskedfordeler/v1/messages/{id}` (acknowledge =
 * remove), with a Holder-of-key token for entity id bfo_modtag/2. Each authority (the token's
 * CVR) sees the messages whose TilladtModtager it is.
 * @module
 */
import { emptyResult, jsonResult, type HttpResult } from '../http/HttpResult.js';
import type { RequestContext } from '../http/Router.js';
import type { SandboxContext } from '../SandboxContext.js';
import { ENTITY_IDS } from '../sf1601/entityIds.js';
import { authenticateService } from '../sf1601/serviceAuth.js';

export function pullMessagesHandler(ctx: SandboxContext) {
  return (rc: RequestContext): HttpResult => {
    const caller = authenticateService(ctx, rc, ENTITY_IDS.beskedfordeler);
    const max = Math.min(1000, Math.max(1, Number(rc.url.searchParams.get('max') ?? 100) || 100));
    const messages = ctx.store.unackedStatusEvents(caller.token.cvr, max).map((e) => ({ id: e.id, xml: e.xml }));
    return jsonResult(200, { messages });
  };
}

export function ackMessageHandler(ctx: SandboxContext) {
  return (rc: RequestContext): HttpResult => {
    const caller = authenticateService(ctx, rc, ENTITY_IDS.beskedfordeler);
    const e = ctx.store.event(rc.params['id'] ?? '');
    if (!e || e.xml === null || e.authorityCvr !== caller.token.cvr || e.acked) {
      return jsonResult(404, { error: 'not_found', error_description: 'No such unacknowledged message in your queue.' });
    }
    ctx.store.updateEvent(e.id, { acked: true });
    return emptyResult(204);
  };
}
