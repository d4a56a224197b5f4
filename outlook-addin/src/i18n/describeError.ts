/**
 * Turns any failure into one plain-words sentence with what to do next, plus the gateway's
 * own explanation when it gave one (CPR numbers masked).
 * @module
 */
import { isPostbudError, maskCprInText } from '@postbud/sdk';
import type { Messages } from './Messages.js';

export interface ErrorDescription {
  readonly text: string;
  readonly detail?: string;
  readonly retryable: boolean;
}

type ErrorKey = keyof Messages['errors'];

function keyFor(code: string, status: unknown): ErrorKey {
  switch (code) {
    case 'NETWORK_ERROR': return 'network';
    case 'TIMEOUT': return 'timeout';
    case 'AUTH_FAILED': return 'auth';
    case 'RATE_LIMITED': return 'rateLimited';
    case 'HTTP_SERVER_ERROR': case 'RESPONSE_INVALID': return 'server';
    case 'SEND_REJECTED': return 'rejected';
    case 'LETTER_TOO_LARGE': case 'TOO_MANY_ATTACHMENTS': return 'tooLarge';
    case 'RECIPIENT_NOT_REACHABLE': return 'notReachable';
    case 'MAILBOX_API_FAILED': return 'mailbox';
    case 'FILE_UNREADABLE': return 'unreadable';
    case 'HTTP_CLIENT_ERROR': return status === 404 ? 'notFound' : 'rejected';
    default: return 'unknown';
  }
}

export function describeError(error: unknown, messages: Messages): ErrorDescription {
  if (!isPostbudError(error)) return { text: messages.errors.unknown, retryable: true };
  const said = error.details?.['gatewayMessage'];
  const key = keyFor(error.code, error.details?.['status']);
  return {
    text: messages.errors[key],
    ...(typeof said === 'string' && said !== '' ? { detail: maskCprInText(said) } : {}),
    retryable: error.retryable || key === 'unknown' || key === 'mailbox' || key === 'unreadable',
  };
}
