/**
 * Whose fault a failed send is. Only a fault of the LETTER (its content, recipient or channel)
 * may reject it: sending it again cannot help. Everything else (credentials, configuration,
 * the route's servers, the network, a bug) keeps the letter in the outbox, because it goes
 * away when someone fixes the cause: a municipality renewing its certificate must not lose
 * the letters queued meanwhile.
 * @module
 */
import { isPostbudError } from '@postbud/sdk';
import type { PostbudErrorCode } from '@postbud/sdk';

export type SendFailureKind =
  /** The letter itself was refused: reject it. */
  | 'letter'
  /** Transient (5xx, 429, timeout, network): retry with back-off. */
  | 'transient'
  /** Needs an operator (credentials, certificate, configuration, unknown): keep and retry, log as error. */
  | 'operator';

const LETTER_CODES: ReadonlySet<PostbudErrorCode> = new Set<PostbudErrorCode>([
  'CPR_INVALID', 'CVR_INVALID', 'P_NUMBER_INVALID', 'LETTER_INPUT_INVALID', 'MEMO_INVALID', 'MEMO_XML_CHARACTER_INVALID',
  'PHYSICAL_LETTER_INVALID', 'LETTER_TOO_LARGE', 'TOO_MANY_ATTACHMENTS', 'RECIPIENT_NOT_REACHABLE', 'CHANNEL_NOT_POSSIBLE',
]);

/** HTTP statuses with which a route refuses the request's content (NgDP answers 400 ErrorMessage with fieldErrors). */
const CONTENT_STATUSES: ReadonlySet<number> = new Set([400, 413, 422]);

// SF1601 answers a refused letter with Result=false and a FejlKode. Codes about the letter's
// content or recipient reject it; codes about access, agreements or the service do not.
const CONTENT_FEJLKODE = /memo|forsendelse|physical|fysisk|letter|brev|document|dokument|file|fil|attachment|bilag|recipient|modtager|schema|xsd|valid|ugyldig|size|large|format|message|besked|uuid|cpr|cvr|nemsms/i;
const SERVICE_FEJLKODE = /auth|autori|token|certif|adgang|access|forbid|permission|tilladelse|agreement|aftale|unavailable|utilg|internal|intern|timeout|system|config|konfig/i;

/** Whose fault `error` (thrown by `RoutePort.send`) is. */
export function classifySendFailure(error: unknown): SendFailureKind {
  if (!isPostbudError(error)) return 'operator';
  if (LETTER_CODES.has(error.code)) return 'letter';
  if (error.code === 'SEND_REJECTED') {
    const code = String(error.details?.['serverCode'] ?? '');
    return CONTENT_FEJLKODE.test(code) && !SERVICE_FEJLKODE.test(code) ? 'letter' : 'operator';
  }
  if (error.code === 'HTTP_CLIENT_ERROR' && CONTENT_STATUSES.has(Number(error.details?.['status']))) return 'letter';
  return error.retryable ? 'transient' : 'operator';
}
