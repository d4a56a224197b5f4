/**
 * AccessTokenService (`POST /service/AccessTokenService_1/token`): form `saml-token=<base64
 * assertion>` in, `{access_token, token_type: "Holder-of-key", expires_in}` out.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { jsonResult, SandboxHttpError, type HttpResult } from '../http/HttpResult.js';
import { readBody } from '../http/readBody.js';
import type { RequestContext } from '../http/Router.js';
import type { SandboxContext } from '../SandboxContext.js';
import { certificateFingerprint } from './stsHandler.js';

function tokenError(status: number, message: string): SandboxHttpError {
  return new SandboxHttpError(jsonResult(status, { error: 'invalid_grant', error_description: message }));
}

export function accessTokenHandler(ctx: SandboxContext) {
  return async (rc: RequestContext): Promise<HttpResult> => {
    const type = rc.header('content-type') ?? '';
    if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      throw tokenError(415, 'Send the SAML token as application/x-www-form-urlencoded: saml-token=<base64 assertion>.');
    }
    const form = new URLSearchParams((await readBody(rc.req, 1024 * 1024)).toString('utf8'));
    const samlB64 = form.get('saml-token');
    if (!samlB64) throw tokenError(400, 'The form field saml-token is missing.');
    const xml = Buffer.from(samlB64, 'base64').toString('utf8');
    const id = /<saml:Assertion[^>]*\sID="([^"]+)"/.exec(xml)?.[1];
    const saml = id ? ctx.store.token(id) : undefined;
    if (!saml || saml.kind !== 'saml') throw tokenError(401, 'The SAML assertion was not issued by this STS.');
    if (saml.revoked || saml.expiresAt <= Date.now()) throw tokenError(401, 'The SAML assertion has expired; fetch a new one from the STS.');
    const presented = rc.clientCertificate();
    if (ctx.options.tls && (!presented || certificateFingerprint(presented) !== saml.certFingerprint)) {
      throw tokenError(401, 'Holder-of-key: the client certificate does not match the certificate in the SAML assertion.');
    }
    const token = randomUUID();
    const expiresIn = ctx.options.accessTokenSeconds;
    ctx.store.insertToken({ token, kind: 'access', entityId: saml.entityId, cvr: saml.cvr, certFingerprint: saml.certFingerprint, expiresAt: Date.now() + expiresIn * 1000, revoked: false });
    return jsonResult(200, { access_token: token, token_type: 'Holder-of-key', expires_in: expiresIn });
  };
}
