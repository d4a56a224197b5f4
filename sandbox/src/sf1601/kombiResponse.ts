/**
 * `kombi_response` XML (no namespace): `Result` and `TransmissionID` on success; `Result=false`
 * with `FejlKode`/`FejlTekst` inside HovedoplysningerSvarREST/SvarReaktion/Fejl on refusal.
 * @module
 */
import { escapeXml } from '../status/postStatusXml.js';
import { xmlResult, type HttpResult } from '../http/HttpResult.js';

export function kombiAccepted(transmissionId: string): HttpResult {
  return xmlResult(200, `<?xml version="1.0" encoding="UTF-8"?><kombi_response><Result>true</Result><TransmissionID>${escapeXml(transmissionId)}</TransmissionID></kombi_response>`);
}

export function kombiRefused(status: number, fejlKode: string, fejlTekst: string, transmissionId?: string): HttpResult {
  const tid = transmissionId ? `<TransmissionID>${escapeXml(transmissionId)}</TransmissionID>` : '';
  return xmlResult(
    status,
    `<?xml version="1.0" encoding="UTF-8"?><kombi_response><Result>false</Result>${tid}<HovedoplysningerSvarREST><SvarReaktion><Fejl><FejlKode>${escapeXml(fejlKode)}</FejlKode><FejlTekst>${escapeXml(fejlTekst)}</FejlTekst></Fejl></SvarReaktion></HovedoplysningerSvarREST></kombi_response>`,
  );
}
