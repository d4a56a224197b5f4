/**
 * The answer to "can this recipient receive Digital Post / NemSMS?".
 * @module
 */
import type { NotReachableReason } from '../ngdp/NgdpContact.js';
import type { ServiceName } from '../client/ClientOptions.js';
import type { NormalisedRecipient } from './RecipientId.js';

export interface LookupResult {
  readonly recipient: NormalisedRecipient;
  readonly digitalPost: boolean;
  readonly nemSms: boolean;
  /** Why not, when the route tells (NgDP contacts). SF1601 PostForespoerg gives no reason. */
  readonly reason?: NotReachableReason;
  readonly registrationStatus?: string;
  readonly publicRegistrationStatus?: string;
  readonly service: ServiceName;
  /** ISO time of the answer (cached answers keep their original time). */
  readonly checkedAt: string;
  readonly fromCache: boolean;
}
