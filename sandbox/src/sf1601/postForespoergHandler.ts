/**
 * PostForespoerg (`GET /service/PostForespoerg_1/{digitalpost|nemsms}?cprNumber=|cvrNumber=`):
 * `{"result": true}` only when the recipient can receive on that channel; no reason is given,
 * as on the real service.
 * @module
 */
import { checkCpr, checkCvr } from '@postbud/sdk';
import { jsonResult, SandboxHttpError, type HttpResult } from '../http/HttpResult.js';
import type { RequestContext } from '../http/Router.js';
import type { SandboxContext } from '../SandboxContext.js';
import { ENTITY_IDS } from './entityIds.js';
import { authenticateService } from './serviceAuth.js';

function bad(message: string): SandboxHttpError {
  return new SandboxHttpError(jsonResult(400, { error: 'invalid_request', error_description: message }));
}

export function postForespoergHandler(ctx: SandboxContext) {
  return (rc: RequestContext): HttpResult => {
    authenticateService(ctx, rc, ENTITY_IDS.postForespoerg);
    const service = rc.params['service'];
    if (service !== 'digitalpost' && service !== 'nemsms') throw bad('The service must be digitalpost or nemsms.');
    const cpr = rc.url.searchParams.get('cprNumber');
    const cvr = rc.url.searchParams.get('cvrNumber');
    if ((cpr === null) === (cvr === null)) throw bad('Give exactly one of cprNumber and cvrNumber.');
    if (cpr !== null && (!/^\d{10}$/.test(cpr) || !checkCpr(cpr).ok)) throw bad('cprNumber must be 10 digits forming a valid CPR number (no dash).');
    if (cvr !== null && (!/^\d{8}$/.test(cvr) || !checkCvr(cvr).ok)) throw bad('cvrNumber must be a valid 8-digit CVR number.');
    const id = (cpr ?? cvr)!;
    const result = service === 'nemsms' ? cpr !== null && ctx.world.hasNemSms(id) : ctx.world.isRegistered(id);
    return jsonResult(200, { result });
  };
}
