/**
 * The sandbox's fictional population as a recipient register: names, postal addresses and
 * mailbox status of its citizens and companies (with production units), read over HTTP from
 * `GET /_sandbox/world` and kept for a minute.
 * @module
 */
import { PostbudError } from '@postbud/sdk';
import type { PostalAddress } from '@postbud/sdk';
import type { DirectoryEntry, DirectoryQuery, RecipientDirectory } from './RecipientDirectory.js';

interface WorldAddress { street: string; houseNumber: string; floor?: string; door?: string; zipCode: string; city: string }
interface WorldParty { cpr?: string; cvr?: string; name: string; address: WorldAddress; mailbox?: { publicRegistrationStatus?: string }; productionUnits?: { pNumber: string; name: string; address: WorldAddress }[] }
interface World { citizens?: WorldParty[]; companies?: WorldParty[] }

const TTL_MS = 60_000;

function toAddress(name: string, a: WorldAddress): PostalAddress {
  // The post code names the postal district; the city is not printed separately.
  return { name, street: a.street, building: a.houseNumber, postCode: a.zipCode, ...(a.floor ? { floor: a.floor } : {}), ...(a.door ? { suite: a.door } : {}) };
}

function reasonOf(status: string | undefined): string | undefined {
  return status === 'EXEMPT' ? 'exempt' : status === 'CLOSED' ? 'closed' : status === 'UNKNOWN' ? 'not-registered' : undefined;
}

export class SandboxRecipientDirectory implements RecipientDirectory {
  #world: { data: World; at: number } | undefined;

  constructor(private readonly baseUrl: string) {}

  async find(q: DirectoryQuery): Promise<DirectoryEntry | undefined> {
    const world = await this.#load();
    if ('cpr' in q) {
      const c = world.citizens?.find((x) => x.cpr === q.cpr);
      return c && { name: c.name, address: toAddress(c.name, c.address), ...opt('reason', reasonOf(c.mailbox?.publicRegistrationStatus)) };
    }
    const company = world.companies?.find((x) => x.cvr === q.cvr);
    if (company === undefined) return undefined;
    const unit = q.pNumber === undefined ? undefined : company.productionUnits?.find((p) => p.pNumber === q.pNumber);
    return {
      name: company.name, ...opt('productionUnitName', unit?.name),
      address: toAddress(company.name, unit?.address ?? company.address), ...opt('reason', reasonOf(company.mailbox?.publicRegistrationStatus)),
    };
  }

  async #load(): Promise<World> {
    if (this.#world !== undefined && Date.now() - this.#world.at < TTL_MS) return this.#world.data;
    const res = await fetch(`${this.baseUrl.replace(/\/$/, '')}/_sandbox/world`, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new PostbudError('HTTP_SERVER_ERROR', `The sandbox register answered ${res.status}.`, { fault: 'server', retryable: true });
    this.#world = { data: (await res.json()) as World, at: Date.now() };
    return this.#world.data;
  }
}

function opt<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
