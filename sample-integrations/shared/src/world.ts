/**
 * The parts of the sandbox's fictional world the samples use: Solbjerg Kommune (CVR passes
 * modulus 11), its contact points bound to the recipient system `solbjerg-esdh` (whose replies
 * the sandbox API token can fetch), caseworkers and citizens. All people are invented; CPR
 * numbers are date-valid but fictional.
 * @module
 */

export const AUTHORITY = Object.freeze({ cvr: '29999902', name: 'Solbjerg Kommune' });

/** Contact points (kontaktpunkter) of Solbjerg Kommune in the sandbox. */
export const CONTACT_POINTS = Object.freeze({
  /** Active and visible; used by the DOMUS-like and doc2mail-like samples. */
  borgerservice: '32b4dc44-0652-4f7c-93b8-d00a533a30f7',
  /** Active but not visible: replies arrive, citizens cannot pick it for new post. Used by Fasit-like. */
  jobcenter: 'f9ed5ea6-ce0a-4621-b46a-eae65db21a7f',
});

/** Fictional caseworkers of the sandbox's identity provider, and their group (Entra object id). */
export const CASEWORKERS = Object.freeze({
  sara: { upn: 'sara.sagsbehandler@solbjerg.example', group: '0e5d23b6-6a0e-45a8-a8c8-8ba35648aa31' },
  mads: { upn: 'mads.mogensen@solbjerg.example', group: '6a4c1a9e-1d0a-4f0b-9f5e-3c2f0b7d8e11' },
});

/**
 * The doc2mail-like output manager's app registration (service identity) in the sandbox's
 * identity provider. Entra ID grants it the gateway's app role `Letters.Send.doc2mail`, which
 * the gateway maps to its sender system `doc2mail` (`<auth.requiredScope>.<sender system id>`).
 * Fictional development credentials; in production the secret comes from a vault.
 */
export const DOC2MAIL_APP = Object.freeze({ clientId: 'd0c2a11e-5b7f-4c1d-9e3a-6f4b2c8d1e07', clientSecret: 'doc2mail-sandbox-secret', role: 'Letters.Send.doc2mail' });

export interface SampleCitizen {
  readonly cpr: string;
  readonly name: string;
  readonly digitalPost: boolean;
  readonly address: { readonly street: string; readonly building: string; readonly postCode: string; readonly city: string };
}

/** Citizens of the sandbox world: registered ones get Digital Post, exempt ones physical post. */
export const CITIZENS: readonly SampleCitizen[] = Object.freeze([
  { cpr: '0101901234', name: 'Anna Jensen', digitalPost: true, address: { street: 'Solsikkevej', building: '12', postCode: '8000', city: 'Solbjerg' } },
  { cpr: '1204852345', name: 'Bo Nielsen', digitalPost: true, address: { street: 'Kastanjealle', building: '3', postCode: '8000', city: 'Solbjerg' } },
  { cpr: '2307703456', name: 'Carl Hansen', digitalPost: false, address: { street: 'Møllevej', building: '8', postCode: '8001', city: 'Solbjerg Nord' } },
  { cpr: '0511604567', name: 'Dorthe Larsen', digitalPost: false, address: { street: 'Strandvejen', building: '101', postCode: '8002', city: 'Solbjerg Strand' } },
  { cpr: '2808924012', name: 'Gustav Poulsen', digitalPost: true, address: { street: 'Engvej', building: '44', postCode: '8003', city: 'Solbjerg Vest' } },
]);

export function citizen(cpr: string): SampleCitizen | undefined {
  return CITIZENS.find((c) => c.cpr === cpr.replace('-', ''));
}
