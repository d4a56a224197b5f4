/**
 * STS issue endpoint (`POST /runtime/api/rest/wstrust/v1/issue`): JSON WS-Trust request in,
 * `RequestedSecurityToken.Assertion` (base64 SAML assertion) and `Lifetime` out.
 * @module
 */
import { randomUUID, X509Certificate, createHash } from 'node:crypto';
import { checkCvr } from '@postbud/sdk';
import { jsonResult, SandboxHttpError, type HttpResult } from '../http/HttpResult.js';
import { parseJsonBody, readBody } from '../http/readBody.js';
import type { RequestContext } from '../http/Router.js';
import type { SandboxContext } from '../SandboxContext.js';
import { KNOWN_ENTITY_IDS } from './entityIds.js';

const TOKEN_TYPE = 'http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0';
const REQUEST_TYPE = 'http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue';
const KEY_TYPE = 'http://docs.oasis-open.org/ws-sx/ws-trust/200512/PublicKey';

function stsError(status: number, message: string): SandboxHttpError {
  return new SandboxHttpError(jsonResult(status, { error: 'invalid_request', error_description: message }));
}

function field(obj: unknown, ...keys: string[]): unknown {
  let cur = obj;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** `%m/%d/%Y %H:%M:%S` in UTC, the format peers parse `Lifetime` with. */
export function formatLifetime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export function certificateFingerprint(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex');
}

function parseUseKey(useKey: unknown): Buffer {
  if (typeof useKey !== 'string' || useKey.trim() === '') throw stsError(400, 'UseKey is missing: send the base64 DER of your certificate (one line, no BEGIN/END).');
  const b64 = useKey.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) throw stsError(400, 'UseKey is not base64.');
  const der = Buffer.from(b64, 'base64');
  try {
    new X509Certificate(der);
  } catch {
    throw stsError(400, 'UseKey is not an X.509 certificate (expected base64 DER).');
  }
  return der;
}

function samlAssertion(id: string, cvr: string, entityId: string, certB64: string, now: Date, expires: Date, issuer: string): string {
  const iso = (d: Date) => d.toISOString();
  return `<?xml version="1.0" encoding="UTF-8"?><saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" ID="_${id}" IssueInstant="${iso(now)}" Version="2.0"><saml:Issuer>${issuer}</saml:Issuer><saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName">CVR:${cvr}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:holder-of-key"><saml:SubjectConfirmationData><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certB64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></saml:SubjectConfirmationData></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="${iso(now)}" NotOnOrAfter="${iso(expires)}"><saml:AudienceRestriction><saml:Audience>${entityId}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AttributeStatement><saml:Attribute Name="dk:gov:saml:attribute:CvrNumberIdentifier"><saml:AttributeValue>${cvr}</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion>`;
}

export function stsHandler(ctx: SandboxContext) {
  return async (rc: RequestContext): Promise<HttpResult> => {
    const body = parseJsonBody(await readBody(rc.req, 1024 * 1024));
    if (field(body, 'TokenType') !== TOKEN_TYPE) throw stsError(400, `TokenType must be ${TOKEN_TYPE}.`);
    if (field(body, 'RequestType') !== REQUEST_TYPE) throw stsError(400, `RequestType must be ${REQUEST_TYPE}.`);
    if (field(body, 'KeyType') !== KEY_TYPE) throw stsError(400, `KeyType must be ${KEY_TYPE}.`);
    const cvr = field(body, 'AnvenderKontekst', 'Cvr');
    if (typeof cvr !== 'string' || !checkCvr(cvr).ok) throw stsError(400, 'AnvenderKontekst.Cvr must be the 8-digit CVR number of the authority you act for.');
    const entityId = field(body, 'AppliesTo', 'EndpointReference', 'Address');
    if (typeof entityId !== 'string' || !KNOWN_ENTITY_IDS.includes(entityId)) {
      throw stsError(400, `AppliesTo.EndpointReference.Address must be one of: ${KNOWN_ENTITY_IDS.join(', ')}.`);
    }
    const der = parseUseKey(field(body, 'UseKey'));
    const presented = rc.clientCertificate();
    if (ctx.options.tls && (!presented || !presented.equals(der))) {
      throw stsError(401, 'UseKey must be the client certificate presented on this mutual-TLS connection.');
    }
    const now = new Date();
    const expires = new Date(now.getTime() + ctx.options.samlTokenSeconds * 1000);
    const id = randomUUID();
    ctx.store.insertToken({ token: `_${id}`, kind: 'saml', entityId, cvr, certFingerprint: certificateFingerprint(der), expiresAt: expires.getTime(), revoked: false });
    const xml = samlAssertion(id, cvr, entityId, der.toString('base64'), now, expires, `${ctx.baseUrl()}/runtime/api/rest/wstrust/v1/issue`);
    return jsonResult(200, {
      RequestedSecurityToken: { Assertion: Buffer.from(xml, 'utf8').toString('base64') },
      Lifetime: formatLifetime(expires),
      TokenType: TOKEN_TYPE,
      AppliesTo: { EndpointReference: { Address: entityId } },
    });
  };
}
