// Example: a client for KOMBIT SF1601 in production, with the OCES3 certificate from a .p12.
import { DigitalPostClient } from '@postbud/sdk';
import { createNodeTransport, loadClientCertificate } from '@postbud/sdk/node';

export async function createProductionClient(p12File: string, passphrase: string): Promise<DigitalPostClient> {
  // Checked here: a wrong passphrase or a key that does not match fails now, not on the first send.
  const certificate = await loadClientCertificate({ pfxFile: p12File, passphrase });
  return new DigitalPostClient({
    environment: 'production',
    service: 'sf1601',
    transport: createNodeTransport({ certificate }), // mutual TLS with the same certificate
    credentials: { certificateBase64: certificate.certificateBase64 }, // the STS UseKey
    sender: { cvr: '13748136', label: 'Postbud Kommune, Borgerservice' },
  });
}
