/**
 * Reads SF1601's `kombi_response`: `Result`, `TransmissionID`, the `Advis` list and
 * `FejlId`/`FejlKode`/`FejlTekst` when rejected. A positive answer documents accepted
 * submission, not delivery (delivery arrives later as a PKO_PostStatus).
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';
import { readXmlLeaves, leafText } from './readXmlLeaves.js';

export interface KombiAdvis {
  readonly id?: string;
  readonly text?: string;
}

export interface KombiResponse {
  readonly result: boolean;
  /** Absent for some physical (Fysisk Post) answers: then use the transaction id as the reference. */
  readonly transmissionId?: string;
  readonly advis: readonly KombiAdvis[];
  readonly errorCode?: string;
  readonly errorText?: string;
  /** The raw XML, kept as the receipt (it holds no personal data beyond ids). */
  readonly raw: string;
}

export function parseKombiResponse(xml: string): KombiResponse {
  const leaves = readXmlLeaves(xml);
  const root = leaves[0]?.path.split('/')[0];
  if (root !== 'kombi_response') {
    throw new PostbudError('RESPONSE_INVALID', `KombiPostAfsend answered with <${root ?? 'nothing'}>, not <kombi_response>.`, { fault: 'server' });
  }
  const advis: KombiAdvis[] = [];
  for (const leaf of leaves) {
    if (!leaf.path.includes('/Advis/')) continue;
    if (leaf.name === 'AdvisId') advis.push({ id: leaf.text });
    else if (leaf.name === 'AdvisTekst') {
      const last = advis[advis.length - 1];
      if (last && last.text === undefined) advis[advis.length - 1] = { ...last, text: leaf.text };
      else advis.push({ text: leaf.text });
    }
  }
  const transmissionId = leafText(leaves, 'TransmissionID', 'TransmissionId');
  const errorCode = leafText(leaves, 'FejlKode', 'FejlId');
  const errorText = leafText(leaves, 'FejlTekst') ?? advis.find((a) => a.text)?.text;
  return {
    result: leafText(leaves, 'Result')?.toLowerCase() === 'true',
    ...(transmissionId ? { transmissionId } : {}),
    advis,
    ...(errorCode ? { errorCode } : {}),
    ...(errorText ? { errorText } : {}),
    raw: xml,
  };
}

/** Whether a rejection says the message was already received (then the send is a success). */
export function isDuplicateRejection(response: Pick<KombiResponse, 'errorCode' | 'errorText'>): boolean {
  return /duplicat|dublet|already (been )?(received|exists)|allerede modtaget/i.test(`${response.errorCode ?? ''} ${response.errorText ?? ''}`);
}
