/**
 * Raw-HTTP helpers for driving the sandbox in tests exactly as a client on the wire would
 * (no SDK client), plus letter builders that use the SDK's MeMo factory and writer.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { createMemoMessage, SANDBOX_CERTIFICATE_BASE64, writeMemo, type LetterInput } from '@postbud/sdk';

export const SOLBJERG_CVR = '29999902';
export const PLADSANVISNING_CP = 'f02de299-da3e-41ca-99bc-a27d05a2aecb';
export const NGDP_AUTH = `Basic ${Buffer.from('postbud-sandbox:sandbox-api-token').toString('base64')}`;
export const ENTITY = {
  kombi: 'http://entityid.kombit.dk/service/kombipostafsend/1',
  lookup: 'http://entityid.kombit.dk/service/postforespoerg/1',
  bfo: 'http://entityid.kombit.dk/service/bfo_modtag/2',
} as const;

export function stsRequest(entityId: string, cvr = SOLBJERG_CVR, useKey = SANDBOX_CERTIFICATE_BASE64): Record<string, unknown> {
  return {
    TokenType: 'http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0',
    RequestType: 'http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue',
    KeyType: 'http://docs.oasis-open.org/ws-sx/ws-trust/200512/PublicKey',
    AnvenderKontekst: { Cvr: cvr },
    UseKey: useKey,
    AppliesTo: { EndpointReference: { Address: entityId } },
    OnBehalfOf: null,
  };
}

export async function accessToken(base: string, entityId: string, cvr = SOLBJERG_CVR): Promise<string> {
  const sts = await fetch(`${base}/runtime/api/rest/wstrust/v1/issue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(stsRequest(entityId, cvr)) });
  if (sts.status !== 200) throw new Error(`STS ${sts.status}: ${await sts.text()}`);
  const assertion = ((await sts.json()) as { RequestedSecurityToken: { Assertion: string } }).RequestedSecurityToken.Assertion;
  const tok = await fetch(`${base}/service/AccessTokenService_1/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ 'saml-token': assertion }).toString() });
  if (tok.status !== 200) throw new Error(`token ${tok.status}: ${await tok.text()}`);
  return ((await tok.json()) as { access_token: string }).access_token;
}

export function serviceHeaders(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Holder-of-key ${token}`, 'x-TransaktionsId': randomUUID(), 'x-TransaktionsTid': new Date().toISOString(), ...extra };
}

export function letterXml(over: Partial<LetterInput> = {}): { xml: string; uuid: string } {
  const uuid = over.messageUUID ?? randomUUID();
  const message = createMemoMessage({
    title: 'Tilbud om plads i børnehave',
    sender: { id: SOLBJERG_CVR, label: 'Solbjerg Kommune', contactPoint: { id: PLADSANVISNING_CP, label: 'Pladsanvisningen' } },
    recipient: { type: 'cpr', cpr: '0101901234', name: 'Anna Jensen' },
    reply: { enabled: true },
    metadata: { caseId: { id: 'SAG-2025-0042', system: 'Solbjerg ESDH' }, kle: { subjectKey: '28.03.00', version: 'KLE 2024', label: 'Dagtilbud' } },
    mainDocument: { label: 'Brev', files: [{ filename: 'brev.pdf', content: minimalPdf('Tilbud om plads') }] },
    ...over,
    messageUUID: uuid,
  });
  return { xml: writeMemo(message), uuid };
}

export function kombiRequest(code: string, memoXml: string | null, forsendelseXml: string | null = null): string {
  const memo = memoXml === null ? '' : memoXml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const print = forsendelseXml === null ? '' : `<fjernprint:ForsendelseISamling xmlns:fjernprint="urn:oio:fjernprint:1.0.0">${forsendelseXml}</fjernprint:ForsendelseISamling>`;
  return `<?xml version="1.0" encoding="UTF-8"?><kombi_request><KombiValgKode>${code}</KombiValgKode>${memo}${print}</kombi_request>`;
}

export function forsendelseXml(cpr = '0000000000', pdf = minimalPdf('Fysisk brev')): string {
  return `<fjernprint:ForsendelseI xmlns:fjernprint="urn:oio:fjernprint:1.0.0" xmlns:dkal="urn:oio:dkal:1.0.0" xmlns:sagdok="urn:oio:sagdok:3.0.0" xmlns:dkcc="urn:oio:dkcc:2005.05.13">` +
    `<fjernprint:AfsendelseIdentifikator>${randomUUID()}</fjernprint:AfsendelseIdentifikator>` +
    `<fjernprint:ForsendelseModtager><dkal:AfsendelseModtager><dkal:CPRnummerIdentifikator>${cpr}</dkal:CPRnummerIdentifikator></dkal:AfsendelseModtager>` +
    `<fjernprint:ModtagerAdresse><dkcc:PersonName>Carl Hansen</dkcc:PersonName><dkcc:StreetName>Møllevej</dkcc:StreetName><dkcc:StreetBuildingIdentifier>8</dkcc:StreetBuildingIdentifier><dkcc:PostCodeIdentifier>8001</dkcc:PostCodeIdentifier><dkcc:DistrictName>Solbjerg Nord</dkcc:DistrictName></fjernprint:ModtagerAdresse></fjernprint:ForsendelseModtager>` +
    `<dkal:FilformatNavn>PDF</dkal:FilformatNavn><dkal:MeddelelseIndholdData>${Buffer.from(pdf).toString('base64')}</dkal:MeddelelseIndholdData>` +
    `<fjernprint:DokumentParametre><sagdok:TitelTekst>Fysisk brev om hjemmehjælp</sagdok:TitelTekst></fjernprint:DokumentParametre></fjernprint:ForsendelseI>`;
}

/** A tiny but real one-page PDF with a line of text. */
export function minimalPdf(text: string): Uint8Array {
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
