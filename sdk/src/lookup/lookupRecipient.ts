/**
 * One lookup over the configured service: SF1601 PostForespoerg (digitalpost + nemsms, bare
 * booleans) or NgDP contacts (with the reason when the recipient cannot receive).
 * @module
 */
import type { ServiceName } from '../client/ClientOptions.js';
import type { NgdpClient } from '../ngdp/NgdpClient.js';
import type { Sf1601Client } from '../sf1601/Sf1601Client.js';
import type { LookupResult } from './LookupResult.js';
import type { NormalisedRecipient } from './RecipientId.js';

export interface LookupRoutes {
  readonly service: ServiceName;
  readonly sf1601: Sf1601Client;
  readonly ngdp: NgdpClient;
  readonly now: () => Date;
}

export async function lookupRecipient(recipient: NormalisedRecipient, routes: LookupRoutes, signal?: AbortSignal): Promise<LookupResult> {
  const id = recipient.type === 'cpr' ? { cpr: recipient.cpr } : { cvr: recipient.cvr };
  const options = signal ? { signal } : {};
  const checkedAt = routes.now().toISOString();
  if (routes.service === 'ngdp') {
    const found = await routes.ngdp.contacts(id, options);
    return Object.freeze({ recipient, ...found, service: 'ngdp', checkedAt, fromCache: false });
  }
  const [digitalPost, nemSms] = await Promise.all([routes.sf1601.postForespoerg('digitalpost', id, options), routes.sf1601.postForespoerg('nemsms', id, options)]);
  return Object.freeze({ recipient, digitalPost, nemSms, service: 'sf1601', checkedAt, fromCache: false });
}
