/**
 * Test PKI for `--tls`: a CA, a server certificate for 127.0.0.1/localhost and a client
 * certificate standing in for an OCES3 system certificate. Keys from node's crypto (fast),
 * certificates signed with node-forge, so no openssl binary is needed. Reused when present.
 * @module
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';

export interface SandboxCertificates {
  readonly dir: string;
  readonly caCertPem: string;
  readonly serverCertPem: string;
  readonly serverKeyPem: string;
  readonly clientCertPem: string;
  readonly clientKeyPem: string;
  readonly clientCertPath: string;
  readonly clientKeyPath: string;
  readonly caCertPath: string;
}

const FILES = { ca: 'ca.pem', caKey: 'ca-key.pem', server: 'server.pem', serverKey: 'server-key.pem', client: 'client.pem', clientKey: 'client-key.pem' } as const;

function keyPair(): { publicKey: forge.pki.PublicKey; privateKey: forge.pki.rsa.PrivateKey; privatePem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  return { publicKey: forge.pki.publicKeyFromPem(publicKey), privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey, privatePem: privateKey };
}

function certificate(
  subject: forge.pki.CertificateField[],
  issuer: forge.pki.CertificateField[],
  publicKey: forge.pki.PublicKey,
  signer: forge.pki.rsa.PrivateKey,
  extensions: object[],
): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = '01' + randomBytes(8).toString('hex');
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 5 * 365 * 86_400_000);
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  cert.setExtensions(extensions);
  cert.sign(signer, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

export function loadOrCreateCertificates(dir: string): SandboxCertificates {
  mkdirSync(dir, { recursive: true });
  const p = (f: string) => path.join(dir, f);
  if (!Object.values(FILES).every((f) => existsSync(p(f)))) {
    const ca = keyPair();
    const caName = [{ name: 'commonName', value: 'Postbud Sandbox Test CA' }, { name: 'organizationName', value: 'Postbud sandbox (fiktiv)' }];
    const caPem = certificate(caName, caName, ca.publicKey, ca.privateKey, [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ]);
    const server = keyPair();
    const serverPem = certificate([{ name: 'commonName', value: 'localhost' }], caName, server.publicKey, ca.privateKey, [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    ]);
    const client = keyPair();
    const clientPem = certificate(
      [{ name: 'commonName', value: 'Solbjerg Kommune - Postbud sandbox-system' }, { name: 'organizationName', value: 'Solbjerg Kommune // CVR:29999902' }, { name: 'serialNumber', value: 'UI:DK-O:G:3e320ea5-6639-4cb3-bf44-84b6310b47cb' }],
      caName, client.publicKey, ca.privateKey,
      [{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, keyEncipherment: true }, { name: 'extKeyUsage', clientAuth: true }],
    );
    writeFileSync(p(FILES.ca), caPem);
    writeFileSync(p(FILES.caKey), ca.privatePem, { mode: 0o600 });
    writeFileSync(p(FILES.server), serverPem);
    writeFileSync(p(FILES.serverKey), server.privatePem, { mode: 0o600 });
    writeFileSync(p(FILES.client), clientPem);
    writeFileSync(p(FILES.clientKey), client.privatePem, { mode: 0o600 });
  }
  const read = (f: string) => readFileSync(p(f), 'utf8');
  return {
    dir,
    caCertPem: read(FILES.ca),
    serverCertPem: read(FILES.server),
    serverKeyPem: read(FILES.serverKey),
    clientCertPem: read(FILES.client),
    clientKeyPem: read(FILES.clientKey),
    clientCertPath: p(FILES.client),
    clientKeyPath: p(FILES.clientKey),
    caCertPath: p(FILES.ca),
  };
}
