/**
 * NgDP API authentication: `Authorization: Basic base64(system:api-token)`; each recipient or
 * sender system of the fictional world has its own token. With `--tls` the client certificate
 * is required too (checked by the TLS layer for wire API paths).
 * @module
 */
import { SandboxHttpError } from '../http/HttpResult.js';
import type { RequestContext } from '../http/Router.js';
import type { SandboxContext } from '../SandboxContext.js';
import type { Authority, RecipientSystem } from '../world/worldTypes.js';
import { errorMessage } from './errorMessage.js';

export interface NgdpCaller {
  readonly authority: Authority;
  readonly system: RecipientSystem;
}

export function authenticateNgdp(ctx: SandboxContext, rc: RequestContext): NgdpCaller {
  const auth = rc.header('authorization');
  const m = auth ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(auth) : null;
  if (!m) throw new SandboxHttpError(errorMessage(401, 'unauthorized', 'Authorization: Basic <base64 of system:api-token> is required.', {}, { 'www-authenticate': 'Basic realm="NgDP sandbox"' }));
  const credentials = Buffer.from(m[1]!, 'base64').toString('utf8');
  const found = ctx.world.systemByCredentials(credentials);
  if (!found) throw new SandboxHttpError(errorMessage(401, 'unauthorized', 'Unknown API token. The sandbox built-in token is postbud-sandbox:sandbox-api-token.', {}, { 'www-authenticate': 'Basic realm="NgDP sandbox"' }));
  if (ctx.options.tls && !rc.clientCertificate()) {
    throw new SandboxHttpError(errorMessage(403, 'forbidden', 'A client certificate (mutual TLS) is required.'));
  }
  return found;
}
