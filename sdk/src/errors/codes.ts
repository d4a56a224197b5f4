/**
 * Stable error codes. Every {@link PostbudError} carries one of these, so
 * `switch (err.code)` narrows. Codes are part of the public API: add, never rename.
 * @module
 */
export type PostbudErrorCode =
  // Identifiers (CPR, CVR, P-number)
  | 'CPR_INVALID'
  | 'CVR_INVALID'
  | 'P_NUMBER_INVALID'
  // MeMo input, XML and validation
  | 'LETTER_INPUT_INVALID'
  | 'MEMO_XML_MALFORMED'
  | 'MEMO_XML_FORBIDDEN'
  | 'MEMO_XML_LIMIT_EXCEEDED'
  | 'MEMO_NOT_MEMO'
  | 'MEMO_INVALID'
  | 'MEMO_CONTENT_UNAVAILABLE'
  | 'MEMO_XML_CHARACTER_INVALID'
  // Local files (attachments, MeMo files given to the CLI)
  | 'FILE_UNREADABLE'
  // Configuration and credentials
  | 'CONFIG_INVALID'
  | 'CERTIFICATE_INVALID'
  // Transport and remote service
  | 'NETWORK_ERROR'
  | 'TLS_ERROR'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'RATE_LIMITED'
  | 'AUTH_FAILED'
  | 'HTTP_CLIENT_ERROR'
  | 'HTTP_SERVER_ERROR'
  | 'RESPONSE_INVALID'
  | 'SEND_REJECTED'
  | 'RECIPIENT_NOT_REACHABLE'
  | 'CHANNEL_NOT_POSSIBLE'
  // Client: letters checked before anything is sent
  | 'PHYSICAL_LETTER_INVALID'
  | 'LETTER_TOO_LARGE'
  | 'TOO_MANY_ATTACHMENTS'
  | 'CERTIFICATE_MISSING'
  | 'STATUS_MESSAGE_INVALID'
  // Outlook add-in: an Office.js call on the compose item failed
  | 'MAILBOX_API_FAILED';

/** Who is presumed to be at fault: decides whether a retry can help. */
export type Fault = 'client' | 'server' | 'unknown';
