/**
 * The checks every Serviceplatformen service call must pass: a live Holder-of-key token for
 * the service's entity id, `x-TransaktionsId` (UUID) and `x-TransaktionsTid`.
 * @module
 */
import { jsonResult, SandboxHttpError } from '../http/HttpResult.js';
import type { RequestContext } from '../http/Router.js';
import type { SandboxContext } from '../SandboxContext.js';
import type { TokenRecord } from '../store/records.js';
import { certificateFingerprint } from './stsHandler.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ServiceCaller {
  readonly token: TokenRecord;
  readonly transactionId: string;
}

function unauthorized(message: string): SandboxHttpError {
  return new SandboxHttpError(jsonResult(401, { error: 'invalid_token', error_description: message }, { 'www-authenticate': `Holder-of-key error="invalid_token"` }));
}

function badRequest(message: string): SandboxHttpError {
  return new SandboxHttpError(jsonResult(400, { error: 'invalid_request', error_description: message }));
}

export function authenticateService(ctx: SandboxContext, rc: RequestContext, entityId: string): ServiceCaller {
  const auth = rc.header('authorization');
  if (!auth) throw unauthorized('Authorization header missing: send "Holder-of-key <access token>" from AccessTokenService.');
  const m = /^Holder-of-key\s+(\S+)$/i.exec(auth.trim());
  if (!m) throw unauthorized('Authorization must be "Holder-of-key <access token>".');
  const token = ctx.store.token(m[1]!);
  if (!token || token.kind !== 'access') throw unauthorized('Unknown access token.');
  if (token.revoked || token.expiresAt <= Date.now()) throw unauthorized('The access token has expired; fetch a new SAML token and access token.');
  if (token.entityId !== entityId) throw unauthorized(`The access token was issued for ${token.entityId}, not for ${entityId}.`);
  const presented = rc.clientCertificate();
  if (ctx.options.tls && (!presented || certificateFingerprint(presented) !== token.certFingerprint)) {
    throw unauthorized('Holder-of-key: the client certificate does not match the certificate the token was issued to.');
  }
  const transactionId = rc.header('x-transaktionsid');
  if (!transactionId) throw badRequest('Header x-TransaktionsId is missing (a UUID identifying this call).');
  if (!UUID.test(transactionId.trim())) throw badRequest('Header x-TransaktionsId must be a UUID.');
  const time = rc.header('x-transaktionstid');
  if (!time) throw badRequest('Header x-TransaktionsTid is missing (UTC time of the call, e.g. 2025-01-31T12:00:00Z).');
  if (Number.isNaN(Date.parse(time.trim()))) throw badRequest('Header x-TransaktionsTid is not a date-time.');
  return { token, transactionId: transactionId.trim() };
}
