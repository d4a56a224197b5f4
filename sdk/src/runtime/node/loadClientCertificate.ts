/**
 * Loads the OCES3 client certificate for mutual TLS from PEM (certificate + key) or PKCS#12
 * (.p12/.pfx with passphrase), checks it early (parsable, key matches, passphrase right) and
 * extracts the certificate's DER as base64: the KOMBIT STS `UseKey`.
 * @module
 */
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createSecureContext } from 'node:tls';
import forge from 'node-forge';
import { PostbudError } from '../../errors/PostbudError.js';

export type ClientCertificateSource =
  | { readonly cert: string | Uint8Array; readonly key: string | Uint8Array; readonly passphrase?: string }
  | { readonly pfx: Uint8Array; readonly passphrase?: string }
  | { readonly certFile: string; readonly keyFile: string; readonly passphrase?: string }
  | { readonly pfxFile: string; readonly passphrase?: string };

/** What `createNodeTransport` and the client need. Holds key material: never log it. */
export interface ClientCertificate {
  /** Options for `https.Agent` / `tls.connect`. */
  readonly tls: { readonly cert?: string | Uint8Array; readonly key?: string | Uint8Array; readonly pfx?: Uint8Array; readonly passphrase?: string };
  /** Base64 DER of the certificate (one line): `credentials.certificateBase64`. */
  readonly certificateBase64: string;
  readonly subject: string;
  readonly validTo: string;
}

function invalid(message: string, cause?: unknown): PostbudError {
  return new PostbudError('CERTIFICATE_INVALID', message, { cause });
}

function derFromPem(cert: string | Uint8Array): Buffer {
  try {
    return Buffer.from(new X509Certificate(typeof cert === 'string' ? cert : Buffer.from(cert)).raw);
  } catch (error) {
    throw invalid('The client certificate is not a readable PEM or DER X.509 certificate.', error);
  }
}

function derFromPkcs12(pfx: Uint8Array, passphrase: string | undefined): Buffer {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(Buffer.from(pfx).toString('binary')), passphrase ?? '');
  } catch (error) {
    throw invalid('The PKCS#12 file could not be opened: check the passphrase and that the file is a .p12/.pfx.', error);
  }
  const keyOid = forge.pki.oids['pkcs8ShroudedKeyBag'] ?? '';
  const certOid = forge.pki.oids['certBag'] ?? '';
  const localKeyId = (b: forge.pkcs12.Bag): string => String((b.attributes['localKeyId'] as unknown[] | undefined)?.[0] ?? '');
  const keyIds = new Set((p12.getBags({ bagType: keyOid })[keyOid] ?? []).map(localKeyId));
  const certs = p12.getBags({ bagType: certOid })[certOid] ?? [];
  const bag = certs.find((b) => keyIds.has(localKeyId(b))) ?? certs[0];
  if (!bag?.cert) throw invalid('The PKCS#12 file holds no certificate.');
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert)).getBytes(), 'binary');
}

async function readSource(source: ClientCertificateSource): Promise<ClientCertificate['tls']> {
  const read = async (file: string): Promise<Buffer> => {
    try {
      return await readFile(file);
    } catch (error) {
      throw new PostbudError('CERTIFICATE_MISSING', `The certificate file ${file} could not be read.`, { cause: error });
    }
  };
  const passphrase = source.passphrase === undefined ? {} : { passphrase: source.passphrase };
  if ('certFile' in source) return { cert: await read(source.certFile), key: await read(source.keyFile), ...passphrase };
  if ('pfxFile' in source) return { pfx: await read(source.pfxFile), ...passphrase };
  return source;
}

/** `tls` as Buffers, the shape `https.Agent` and `tls.createSecureContext` accept. */
export function agentTlsOptions(tls: ClientCertificate['tls']): { cert?: Buffer; key?: Buffer; pfx?: Buffer; passphrase?: string } {
  const buf = (v: string | Uint8Array): Buffer => (typeof v === 'string' ? Buffer.from(v) : Buffer.from(v));
  return {
    ...(tls.cert ? { cert: buf(tls.cert) } : {}),
    ...(tls.key ? { key: buf(tls.key) } : {}),
    ...(tls.pfx ? { pfx: buf(tls.pfx) } : {}),
    ...(tls.passphrase ? { passphrase: tls.passphrase } : {}),
  };
}

export async function loadClientCertificate(source: ClientCertificateSource): Promise<ClientCertificate> {
  const tls = await readSource(source);
  const der = tls.pfx ? derFromPkcs12(tls.pfx, tls.passphrase) : derFromPem(tls.cert ?? '');
  try {
    createSecureContext(agentTlsOptions(tls));
  } catch (error) {
    throw invalid('The certificate and private key do not work together (wrong key, wrong passphrase or damaged file).', error);
  }
  const x509 = new X509Certificate(der);
  return Object.freeze({ tls, certificateBase64: der.toString('base64'), subject: x509.subject.replace(/\n/g, ', '), validTo: x509.validTo });
}
