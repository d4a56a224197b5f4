/**
 * NgDP `contacts/` answers (ContactSearchResult) and what they mean for sending:
 * can the recipient receive Digital Post / NemSMS, and if not, why.
 * @module
 */

export type NotReachableReason = 'exempt' | 'closed' | 'unknown' | 'unregistered';

export interface ContactReachability {
  readonly digitalPost: boolean;
  readonly nemSms: boolean;
  /** Only when the route tells (NgDP contacts); SF1601 PostForespoerg gives no reason. */
  readonly reason?: NotReachableReason;
  /** NgDP `registrationStatus` / `publicRegistrationStatus` as sent. */
  readonly registrationStatus?: string;
  readonly publicRegistrationStatus?: string;
}

function obj(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Interprets a ContactSearchResult for one id. No contact = unknown recipient. */
export function reachabilityFromContacts(json: unknown): ContactReachability {
  const contacts = obj(json)?.['contacts'];
  const contact = Array.isArray(contacts) ? obj(contacts[0]) : undefined;
  if (!contact) return { digitalPost: false, nemSms: false, reason: 'unknown' };
  const mailbox = obj(contact['mailboxSubscription']);
  const registrationStatus = typeof mailbox?.['registrationStatus'] === 'string' ? mailbox['registrationStatus'] : undefined;
  const publicStatus = typeof mailbox?.['publicRegistrationStatus'] === 'string' ? mailbox['publicRegistrationStatus'] : undefined;
  const nemSms = obj(contact['nemSmsSubscription']) !== undefined;
  const status = { ...(registrationStatus ? { registrationStatus } : {}), ...(publicStatus ? { publicRegistrationStatus: publicStatus } : {}) };
  if (publicStatus === 'REGISTERED') return { digitalPost: true, nemSms, ...status };
  const reason: NotReachableReason =
    publicStatus === 'EXEMPT' || registrationStatus?.startsWith('EXEMPT') ? 'exempt' : publicStatus === 'CLOSED' ? 'closed' : mailbox ? 'unregistered' : 'unknown';
  return { digitalPost: false, nemSms, reason, ...status };
}
