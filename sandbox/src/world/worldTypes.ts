/**
 * The shape of the sandbox's fictional world: citizens, companies, authorities with their
 * contact structure and recipient systems, and caseworkers for the development identity provider.
 * @module
 */

/** NgDP `mailboxSubscription.registrationStatus`. */
export type RegistrationStatus =
  | 'AUTOMATIC_REGISTRATION'
  | 'VOLUNTARY_REGISTRATION'
  | 'BEFORE_UNCONFIRMED_REGISTRATION'
  | 'UNCONFIRMED_REGISTRATION'
  | 'EXEMPT_LEFT_THE_COUNTRY'
  | 'EXEMPT_OTHER_REASON'
  | 'CREATED_AWAITING_REGISTRATION';

/** NgDP `mailboxSubscription.publicRegistrationStatus`. */
export type PublicRegistrationStatus = 'REGISTERED' | 'EXEMPT' | 'CLOSED' | 'UNKNOWN';

export interface PostalAddress {
  readonly street: string;
  readonly houseNumber: string;
  readonly floor?: string;
  readonly door?: string;
  readonly zipCode: string;
  readonly city: string;
}

export interface Mailbox {
  readonly registrationStatus: RegistrationStatus;
  readonly publicRegistrationStatus: PublicRegistrationStatus;
  /** Why the recipient is exempt (Danish, as citizen service records it). */
  readonly exemptionReason?: string;
  readonly exemptionStart?: string;
}

export interface Citizen {
  readonly kind: 'citizen';
  readonly cpr: string;
  readonly name: string;
  readonly address: PostalAddress;
  readonly mailbox: Mailbox;
  readonly nemSmsMobile?: string;
  /** One line shown in the mailbox's recipient picker and in docs/sandbox.md. */
  readonly note: string;
}

export interface ProductionUnitRecord {
  readonly pNumber: string;
  readonly name: string;
  readonly address: PostalAddress;
}

export interface Company {
  readonly kind: 'company';
  readonly cvr: string;
  readonly name: string;
  readonly companyForm: string;
  readonly address: PostalAddress;
  readonly mailbox: Mailbox;
  readonly productionUnits: readonly ProductionUnitRecord[];
  readonly note: string;
}

export type ContactTarget = 'CITIZEN' | 'COMPANY' | 'AUTHORITY';

export interface ContactPointRecord {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly active: boolean;
  readonly visible: boolean;
  readonly targets: readonly ContactTarget[];
  readonly contactGroupIds: readonly string[];
  readonly systemId: string;
  readonly kle?: readonly string[];
  readonly memoSizeThresholdMB: number;
  readonly allowedNumberOfAttachments: number;
}

export interface ContactGroupRecord {
  readonly id: string;
  readonly name: string;
  /** Parent group (a forvaltning groups its contact points). */
  readonly parentId?: string;
}

export interface RecipientSystem {
  readonly id: string;
  readonly name: string;
  /** `user:token` for `Authorization: Basic`; one token per system. */
  readonly basicCredentials: string;
}

export interface Authority {
  readonly kind: 'authority';
  readonly cvr: string;
  readonly name: string;
  readonly organisationId: string;
  /** Entra-like tenant id used by the development identity provider. */
  readonly tenantId: string;
  readonly address: PostalAddress;
  /** Departments (forvaltninger) for the mailbox and docs. */
  readonly departments: readonly string[];
  readonly contactGroups: readonly ContactGroupRecord[];
  readonly contactPoints: readonly ContactPointRecord[];
  readonly systems: readonly RecipientSystem[];
}

export interface Caseworker {
  readonly oid: string;
  readonly upn: string;
  readonly name: string;
  readonly authorityCvr: string;
  readonly department: string;
  readonly groups: readonly string[];
  readonly scopes: readonly string[];
}

/**
 * An Entra-like app registration for a service identity (output manager, batch system) that
 * signs in with client credentials and gets an app-only token with `roles`.
 */
export interface AppRegistration {
  /** Application (client) id: `azp`/`appid` of its tokens. */
  readonly clientId: string;
  /** Fictional client secret (development only; documented in docs/sandbox.md). */
  readonly clientSecret: string;
  /** Display name: `app_displayname` of its tokens. */
  readonly name: string;
  /** Its service principal's object id: `oid`/`sub` of its tokens. */
  readonly servicePrincipalId: string;
  /** The authority (tenant) that owns it. */
  readonly authorityCvr: string;
  /** App roles granted to it on the gateway's app registration (admin consent). */
  readonly roles: readonly string[];
}

export interface WorldData {
  readonly citizens: readonly Citizen[];
  readonly companies: readonly Company[];
  readonly authorities: readonly Authority[];
  readonly caseworkers: readonly Caseworker[];
  readonly apps: readonly AppRegistration[];
}
