/**
 * Reads SF1601 delivery status from Beskedfordeler: the `PostStatusBeskedModtag` envelope
 * (whose `Beskeddata/Base64` holds a PKO_PostStatus document) or a bare `PKO_PostStatus`.
 * Statuses are normalised to `delivered` / `failed` / `pending` and matched to letters by
 * `MessageUUID` (and `TransmissionId`).
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';
import { maskCprInText } from '../identifiers/mask.js';
import { leafText, readXmlLeaves, type XmlLeaf } from '../sf1601/readXmlLeaves.js';
import { base64ToBytes } from '../transport/base64.js';

export const PKO_POST_STATUS_NAMESPACE = 'http://serviceplatformen.dk/xml/print/PKO_PostStatus/1/types';

export type PostStatusOutcome = 'delivered' | 'failed' | 'pending';

export interface PostStatus {
  readonly transmissionId?: string;
  readonly messageUUID?: string;
  readonly messageId?: string;
  /** `KanalKode`, e.g. `Digital Post` or `Fysisk Post`. */
  readonly channel?: string;
  readonly transactionTime?: string;
  /** `TransaktionsStatusKode` as sent, e.g. `Afleveret Digital Post`, `Fejlet`. */
  readonly statusCode?: string;
  readonly outcome: PostStatusOutcome;
  readonly correlationId?: string;
  /** `FejlDetaljer` when the status is an error; the text has CPR numbers masked. */
  readonly error?: { readonly code?: string; readonly text?: string };
  /** Envelope `BeskedId` when read from an envelope. */
  readonly envelopeMessageId?: string;
}

function outcomeOf(statusCode: string | undefined): PostStatusOutcome {
  if (statusCode === undefined) return 'pending';
  if (/fejl|afvist|failed|rejected/i.test(statusCode)) return 'failed';
  if (/afleveret|leveret|delivered|printet|sendt/i.test(statusCode)) return 'delivered';
  return 'pending';
}

function fromPostStatusLeaves(leaves: readonly XmlLeaf[], envelopeMessageId: string | undefined): PostStatus {
  const get = (name: string): string | undefined => leafText(leaves, name) || undefined;
  const statusCode = get('TransaktionsStatusKode');
  const errorCode = get('FejlKode');
  const errorText = get('FejlTekst');
  const entries: [string, string | undefined][] = [
    ['transmissionId', get('TransmissionId')],
    ['messageUUID', get('MessageUUID')],
    ['messageId', get('MessageId')],
    ['channel', get('KanalKode')],
    ['transactionTime', get('TransaktionsDatoTid')],
    ['statusCode', statusCode],
    ['correlationId', get('CorrelationId')],
    ['envelopeMessageId', envelopeMessageId],
  ];
  const status: Record<string, unknown> = Object.fromEntries(entries.filter(([, v]) => v !== undefined));
  status['outcome'] = outcomeOf(statusCode);
  if (errorCode || errorText) status['error'] = { ...(errorCode ? { code: errorCode } : {}), ...(errorText ? { text: maskCprInText(errorText) } : {}) };
  return Object.freeze(status) as unknown as PostStatus;
}

/** Parses an envelope or a bare PKO_PostStatus. Throws `STATUS_MESSAGE_INVALID`. */
export function parsePostStatus(xml: string): PostStatus {
  const leaves = readXmlLeaves(xml, 'STATUS_MESSAGE_INVALID');
  const root = leaves[0]?.path.split('/')[0];
  if (root === 'PKO_PostStatus') return fromPostStatusLeaves(leaves, undefined);
  const base64 = leaves.find((leaf) => leaf.name === 'Base64' && leaf.path.includes('Beskeddata'))?.text;
  if (base64 === undefined) {
    throw new PostbudError('STATUS_MESSAGE_INVALID', `The status message <${root ?? 'nothing'}> is neither a PKO_PostStatus nor an envelope with Beskeddata/Base64.`, { fault: 'server' });
  }
  const inner = new TextDecoder().decode(base64ToBytes(base64));
  const innerLeaves = readXmlLeaves(inner, 'STATUS_MESSAGE_INVALID');
  if (innerLeaves[0]?.path.split('/')[0] !== 'PKO_PostStatus') {
    throw new PostbudError('STATUS_MESSAGE_INVALID', 'The envelope\'s Beskeddata does not hold a PKO_PostStatus document.', { fault: 'server' });
  }
  const beskedId = leaves.find((leaf) => leaf.path.includes('/BeskedId/'))?.text;
  return fromPostStatusLeaves(innerLeaves, beskedId);
}
