/**
 * The Node transport for the real services and the sandbox: `node:http`/`node:https` with an
 * `https.Agent` that presents the client certificate (mutual TLS), keeps connections alive and
 * speaks HTTP/1.1 (as KOMBIT needs). Trust extra CAs with `ca` (tests, private sandboxes).
 * Faster than the default axios transport; use it in every Node program.
 * @module
 */
import { Agent as HttpsAgent } from 'node:https';
import { Agent as HttpAgent } from 'node:http';
import type { Transport } from '../../transport/Transport.js';
import { NodeHttpTransport } from './NodeHttpTransport.js';
import { agentTlsOptions, type ClientCertificate } from './loadClientCertificate.js';

export interface NodeTransportOptions {
  readonly certificate?: ClientCertificate;
  /** Extra trusted CA certificates (PEM). */
  readonly ca?: string | Uint8Array | readonly (string | Uint8Array)[];
  /** Sockets per host. @default 32 */
  readonly maxSockets?: number;
  /**
   * Highest TLS version. @default 'TLSv1.2'. With TLS 1.3 a server checks the client
   * certificate after the handshake, so a refused certificate shows up as a bare connection
   * reset (and would be retried as a network fault); with TLS 1.2 the refusal happens inside
   * the handshake and is reported as TLS_ERROR. KOMBIT and NgDP both speak TLS 1.2.
   */
  readonly maxTlsVersion?: 'TLSv1.2' | 'TLSv1.3';
}

export function createNodeTransport(options: NodeTransportOptions = {}): Transport {
  const tls = options.certificate?.tls ?? {};
  const ca = options.ca === undefined ? undefined : (Array.isArray(options.ca) ? options.ca : [options.ca]).map((c) => (typeof c === 'string' ? c : Buffer.from(c)));
  const maxSockets = options.maxSockets ?? 32;
  const httpsAgent = new HttpsAgent({
    keepAlive: true,
    maxSockets,
    maxVersion: options.maxTlsVersion ?? 'TLSv1.2',
    ...agentTlsOptions(tls),
    ...(ca ? { ca } : {}),
  });
  return new NodeHttpTransport({ https: httpsAgent, http: new HttpAgent({ keepAlive: true, maxSockets }) });
}
