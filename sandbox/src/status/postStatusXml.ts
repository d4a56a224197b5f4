/**
 * PKO_PostStatus documents and the Beskedfordeler `PostStatusBeskedModtag` envelope around them,
 * shaped like the captured test-environment messages (reference/memo/sf1601-poststatus-examples).
 * @module
 */
import { randomUUID } from 'node:crypto';

export const PKO_POSTSTATUS_NS = 'http://serviceplatformen.dk/xml/print/PKO_PostStatus/1/types';
/** Beskedtype UUID seen in both captured samples. */
export const POSTSTATUS_BESKEDTYPE = 'd2bed63c-4853-4008-b6e0-a74c15b15fbf';
/** Fictional id of the sandbox as Kildesystem / RegistreringsAktoer. */
const SANDBOX_SYSTEM_ID = '0b7f8e2c-5a1d-4c3e-9f60-7d2a1b3c4e5f';

export interface PostStatus {
  readonly transmissionId: string;
  readonly messageUuid: string | null;
  readonly messageId: string | null;
  /** `Digital Post`, `Fysisk Post` or `NemSMS`. */
  readonly kanalKode: string;
  readonly transaktionsDatoTid: string;
  /** `Afleveret Digital Post`, `Afleveret Fysisk Post`, `Fejlet`, ... */
  readonly transaktionsStatusKode: string;
  readonly fejlKode?: string;
  readonly fejlTekst?: string;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function postStatusXml(s: PostStatus): string {
  const el = (name: string, value: string | null) => (value === null ? '' : `<${name}>${escapeXml(value)}</${name}>`);
  const fejl = s.fejlKode === undefined ? '<FejlDetaljer/>' : `<FejlDetaljer>${el('FejlKode', s.fejlKode)}${el('FejlTekst', s.fejlTekst ?? '')}</FejlDetaljer>`;
  return (
    `<PKO_PostStatus xmlns="${PKO_POSTSTATUS_NS}">` +
    el('TransmissionId', s.transmissionId) +
    el('MessageUUID', s.messageUuid) +
    el('MessageId', s.messageId) +
    el('KanalKode', s.kanalKode) +
    el('TransaktionsDatoTid', s.transaktionsDatoTid) +
    el('TransaktionsStatusKode', s.transaktionsStatusKode) +
    el('CorrelationId', s.transmissionId) +
    fejl +
    '</PKO_PostStatus>'
  );
}

const uuidEl = (name: string, id: string) => `<ns2:${name}><UUIDIdentifikator>${id}</UUIDIdentifikator></ns2:${name}>`;
const timeEl = (name: string, t: string) => `<ns2:${name}><TidsstempelDatoTid>${t}</TidsstempelDatoTid></ns2:${name}>`;

export interface Envelope {
  readonly beskedId: string;
  readonly xml: string;
}

/** Wraps a PKO_PostStatus document (base64 in Beskeddata) for the authority with CVR `authorityCvr`. */
export function postStatusEnvelope(status: PostStatus, authorityCvr: string, now: Date = new Date()): Envelope {
  const beskedId = randomUUID();
  const t = now.toISOString();
  const payload = Buffer.from(postStatusXml(status), 'utf8').toString('base64');
  const cvrUrn = `urn:oio:cvr:${escapeXml(authorityCvr)}`;
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<ns4:ModtagBeskedInput xmlns="urn:oio:sagdok:3.0.0" xmlns:ns2="urn:oio:besked:kuvert:1.0" xmlns:ns3="http://www.w3.org/2000/09/xmldsig#" xmlns:ns4="urn:oio:sts:1.0.0">' +
    '<ns2:Haendelsesbesked>' +
    uuidEl('BeskedId', beskedId) +
    '<ns2:BeskedVersion>1.0</ns2:BeskedVersion>' +
    '<ns2:Beskedkuvert><ns2:Filtreringsdata>' +
    uuidEl('Beskedtype', POSTSTATUS_BESKEDTYPE) +
    `<ns2:TilladtModtager><URNIdentifikator>${cvrUrn}</URNIdentifikator></ns2:TilladtModtager>` +
    '<ns2:ObjektRegistrering>' +
    uuidEl('ObjektRegistreringId', status.transmissionId) +
    uuidEl('RegistreringsAktoer', SANDBOX_SYSTEM_ID) +
    timeEl('Registreringstidspunkt', status.transaktionsDatoTid) +
    `<ns2:ObjektAnsvarligMyndighed><URNIdentifikator>${cvrUrn}</URNIdentifikator></ns2:ObjektAnsvarligMyndighed>` +
    (status.messageUuid ? uuidEl('ObjektId', escapeXml(status.messageUuid)) : '') +
    '</ns2:ObjektRegistrering>' +
    '</ns2:Filtreringsdata><ns2:Leveranceinformation>' +
    timeEl('Dannelsestidspunkt', t) +
    uuidEl('TransaktionsId', randomUUID()) +
    uuidEl('Kildesystem', SANDBOX_SYSTEM_ID) +
    '</ns2:Leveranceinformation></ns2:Beskedkuvert>' +
    `<ns2:Beskeddata><Base64 xmlns="urn:besked:kuvert:1.0" content-type="application/xml" encoding="UTF-8" file-type=".xml">${payload}</Base64></ns2:Beskeddata>` +
    '</ns2:Haendelsesbesked></ns4:ModtagBeskedInput>';
  return { beskedId, xml };
}
