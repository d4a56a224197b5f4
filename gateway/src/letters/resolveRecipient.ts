/**
 * Where a letter to a recipient can go: Digital Post (the route says so), physical post
 * (no Digital Post, but an address is known and the channel policy allows print), or
 * nowhere. Combines the route's lookup with the recipient directory (names, addresses).
 * @module
 */
import type { PostalAddress } from '@postbud/sdk';
import type { ChannelPolicy } from '../config/GatewayConfig.js';
import type { DirectoryQuery, RecipientDirectory } from '../directory/RecipientDirectory.js';
import type { Reachability } from '../ledger/records.js';
import type { RoutePort } from '../route/RoutePort.js';

export interface RecipientStatus {
  readonly reachability: Reachability;
  readonly digitalPost: boolean;
  readonly nemSms?: boolean;
  /** Plain code: `exempt`, `closed`, `unknown`, `not-registered`, `digital-only`, `no-address`. */
  readonly reason?: string;
  readonly name?: string;
  readonly productionUnitName?: string;
  /** The address physical post would go to. */
  readonly address?: PostalAddress;
}

export interface ResolveOptions {
  readonly route: RoutePort;
  readonly directory: RecipientDirectory;
  readonly channel: ChannelPolicy;
  /** Given by the sender system; wins over the directory's. */
  readonly address?: PostalAddress;
}

/** The SDK's NgDP reason names, in the API's words. */
function apiReason(reason: string | undefined): string | undefined {
  return reason === 'unregistered' ? 'not-registered' : reason;
}

/** Throws when the route cannot be asked (callers decide whether that is fatal). */
export async function resolveRecipient(query: DirectoryQuery, o: ResolveOptions): Promise<RecipientStatus> {
  const [lookup, entry] = await Promise.all([o.route.lookup(query), o.directory.find(query).catch(() => undefined)]);
  const address = o.address ?? entry?.address;
  const known = { ...(entry?.name ? { name: entry.name } : {}), ...(entry?.productionUnitName ? { productionUnitName: entry.productionUnitName } : {}), ...(lookup.nemSms !== undefined ? { nemSms: lookup.nemSms } : {}) };
  if (lookup.digitalPost) return { reachability: 'digital', digitalPost: true, ...known };
  const reason = apiReason(lookup.reason) ?? entry?.reason ?? 'not-registered';
  if (o.channel === 'digital-only') return { reachability: 'unreachable', digitalPost: false, reason, ...known };
  if (address === undefined || !o.route.canPrint) return { reachability: 'unreachable', digitalPost: false, reason: address === undefined ? reason : 'no-print-route', ...known };
  return { reachability: 'physical', digitalPost: false, reason, address, ...known };
}
