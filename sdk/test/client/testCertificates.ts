/**
 * Generates a throw-away PKI for mutual-TLS tests with the openssl CLI: a test CA, a server
 * certificate for 127.0.0.1, a client certificate (PEM and PKCS#12 with passphrase), and a
 * client certificate from an unrelated CA. Everything lives in a temp dir.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestPki {
  readonly dir: string;
  readonly caCert: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly clientCert: string;
  readonly clientKey: string;
  readonly clientCertFile: string;
  readonly clientKeyFile: string;
  readonly clientP12File: string;
  readonly p12Passphrase: string;
  readonly rogueCert: string;
  readonly rogueKey: string;
  cleanup(): void;
}

const OPENSSL = '/usr/bin/openssl';

function run(dir: string, ...args: string[]): void {
  execFileSync(OPENSSL, args, { cwd: dir, stdio: 'pipe' });
}

function signed(dir: string, name: string, ca: string, subject: string, ext?: string): void {
  run(dir, 'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
  const extArgs = ext ? ['-extfile', `${name}.ext`] : [];
  if (ext) writeFileSync(path.join(dir, `${name}.ext`), ext);
  run(dir, 'x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', ...extArgs);
}

export function createTestPki(): TestPki {
  const dir = mkdtempSync(path.join(tmpdir(), 'postbud-pki-'));
  for (const ca of ['ca', 'rogue-ca']) {
    run(dir, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${ca}.key`, '-out', `${ca}.crt`, '-days', '2', '-subj', `/CN=Postbud test ${ca}`);
  }
  signed(dir, 'server', 'ca', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1\n');
  signed(dir, 'client', 'ca', '/C=DK/O=Fiktiv Kommune/serialNumber=CVR:13748136-FID:1/CN=Postbud test system', 'extendedKeyUsage=clientAuth\n');
  signed(dir, 'rogue', 'rogue-ca', '/CN=Someone else', 'extendedKeyUsage=clientAuth\n');
  const p12Passphrase = 'fiktiv-kode-123';
  run(dir, 'pkcs12', '-export', '-inkey', 'client.key', '-in', 'client.crt', '-out', 'client.p12', '-passout', `pass:${p12Passphrase}`);
  const read = (f: string): string => readFileSync(path.join(dir, f), 'utf8');
  return {
    dir,
    caCert: read('ca.crt'),
    serverCert: read('server.crt'),
    serverKey: read('server.key'),
    clientCert: read('client.crt'),
    clientKey: read('client.key'),
    clientCertFile: path.join(dir, 'client.crt'),
    clientKeyFile: path.join(dir, 'client.key'),
    clientP12File: path.join(dir, 'client.p12'),
    p12Passphrase,
    rogueCert: read('rogue.crt'),
    rogueKey: read('rogue.key'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
