/**
 * Lookups over the fictional world.
 * @module
 */
import type { Authority, Citizen, Company, ContactPointRecord, RecipientSystem, WorldData } from './worldTypes.js';

export type Party = Citizen | Company;

export class World {
  readonly data: WorldData;
  readonly #citizens: Map<string, Citizen>;
  readonly #companies: Map<string, Company>;
  readonly #authorities: Map<string, Authority>;

  constructor(data: WorldData) {
    this.data = data;
    this.#citizens = new Map(data.citizens.map((c) => [c.cpr, c]));
    this.#companies = new Map(data.companies.map((c) => [c.cvr, c]));
    this.#authorities = new Map(data.authorities.map((a) => [a.cvr, a]));
  }

  citizen(cpr: string): Citizen | undefined {
    return this.#citizens.get(cpr);
  }

  company(cvr: string): Company | undefined {
    return this.#companies.get(cvr);
  }

  authority(cvr: string): Authority | undefined {
    return this.#authorities.get(cvr);
  }

  /** A citizen (10 digits) or company (8 digits). */
  party(id: string): Party | undefined {
    return id.length === 10 ? this.citizen(id) : this.company(id);
  }

  /** Can receive Digital Post now. */
  isRegistered(id: string): boolean {
    return this.party(id)?.mailbox.publicRegistrationStatus === 'REGISTERED';
  }

  hasNemSms(cpr: string): boolean {
    const c = this.citizen(cpr);
    return c !== undefined && c.nemSmsMobile !== undefined && c.mailbox.publicRegistrationStatus !== 'CLOSED';
  }

  contactPoint(id: string): { authority: Authority; contactPoint: ContactPointRecord } | undefined {
    const lower = id.toLowerCase();
    for (const authority of this.data.authorities) {
      const contactPoint = authority.contactPoints.find((c) => c.id === lower);
      if (contactPoint) return { authority, contactPoint };
    }
    return undefined;
  }

  /** The recipient system whose Basic credentials are `user:token`. */
  systemByCredentials(credentials: string): { authority: Authority; system: RecipientSystem } | undefined {
    for (const authority of this.data.authorities) {
      const system = authority.systems.find((s) => s.basicCredentials === credentials);
      if (system) return { authority, system };
    }
    return undefined;
  }

  /** Every party and authority that a name or number search can find (the CVR-register stand-in). */
  allCompaniesAndAuthorities(): readonly (Company | Authority)[] {
    return [...this.data.companies, ...this.data.authorities];
  }
}
