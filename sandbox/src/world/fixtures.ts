/**
 * The fictional world of the sandbox. Every person, company and authority is invented; CPR
 * numbers are date-valid but fictional, CVR numbers pass modulus 11. Documented in docs/sandbox.md.
 * @module
 */
import type { AppRegistration, Authority, Caseworker, Citizen, Company, WorldData } from './worldTypes.js';

const registered = { registrationStatus: 'AUTOMATIC_REGISTRATION', publicRegistrationStatus: 'REGISTERED' } as const;

export const CITIZENS: readonly Citizen[] = [
  {
    kind: 'citizen', cpr: '0101901234', name: 'Anna Jensen', note: 'Tilmeldt Digital Post og NemSMS',
    address: { street: 'Solsikkevej', houseNumber: '12', zipCode: '8000', city: 'Solbjerg' },
    mailbox: registered, nemSmsMobile: '+4512345678',
  },
  {
    kind: 'citizen', cpr: '1204852345', name: 'Bo Nielsen', note: 'Frivilligt tilmeldt, ikke NemSMS',
    address: { street: 'Kastanjealle', houseNumber: '3', floor: '2', door: 'th', zipCode: '8000', city: 'Solbjerg' },
    mailbox: { registrationStatus: 'VOLUNTARY_REGISTRATION', publicRegistrationStatus: 'REGISTERED' },
  },
  {
    kind: 'citizen', cpr: '2307703456', name: 'Carl Hansen', note: 'Fritaget (kognitiv funktionsnedsættelse); tilmeldt NemSMS',
    address: { street: 'Møllevej', houseNumber: '8', zipCode: '8001', city: 'Solbjerg Nord' },
    mailbox: {
      registrationStatus: 'EXEMPT_OTHER_REASON', publicRegistrationStatus: 'EXEMPT',
      exemptionReason: 'Kognitiv funktionsnedsættelse', exemptionStart: '2021-03-01',
    },
    nemSmsMobile: '+4523456789',
  },
  {
    kind: 'citizen', cpr: '0511604567', name: 'Dorthe Larsen', note: 'Fritaget (udrejst)',
    address: { street: 'Strandvejen', houseNumber: '101', zipCode: '8002', city: 'Solbjerg Strand' },
    mailbox: {
      registrationStatus: 'EXEMPT_LEFT_THE_COUNTRY', publicRegistrationStatus: 'EXEMPT',
      exemptionReason: 'Registreret som udrejst', exemptionStart: '2023-08-15',
    },
  },
  {
    kind: 'citizen', cpr: '1702451238', name: 'Erik Madsen', note: 'Postkasse lukket (død)',
    address: { street: 'Kirkestien', houseNumber: '2', zipCode: '8000', city: 'Solbjerg' },
    mailbox: { registrationStatus: 'AUTOMATIC_REGISTRATION', publicRegistrationStatus: 'CLOSED' },
  },
  {
    kind: 'citizen', cpr: '0903104321', name: 'Freja Kristensen', note: 'Under 15: oprettet, afventer tilmelding',
    address: { street: 'Solsikkevej', houseNumber: '12', zipCode: '8000', city: 'Solbjerg' },
    mailbox: { registrationStatus: 'CREATED_AWAITING_REGISTRATION', publicRegistrationStatus: 'UNKNOWN' },
  },
  {
    kind: 'citizen', cpr: '2808924012', name: 'Gustav Poulsen', note: 'Tilmeldt, ubekræftet tilmelding',
    address: { street: 'Engvej', houseNumber: '44', zipCode: '8003', city: 'Solbjerg Vest' },
    mailbox: { registrationStatus: 'UNCONFIRMED_REGISTRATION', publicRegistrationStatus: 'REGISTERED' },
  },
];

export const COMPANIES: readonly Company[] = [
  {
    kind: 'company', cvr: '13748136', name: 'Bageriet Solsikke ApS', companyForm: 'Anpartsselskab',
    note: 'Tilmeldt; tre produktionsenheder',
    address: { street: 'Torvet', houseNumber: '1', zipCode: '8000', city: 'Solbjerg' }, mailbox: registered,
    productionUnits: [
      { pNumber: '1000000011', name: 'Bageriet Solsikke, Torvet', address: { street: 'Torvet', houseNumber: '1', zipCode: '8000', city: 'Solbjerg' } },
      { pNumber: '1000000029', name: 'Bageriet Solsikke, Havnen', address: { street: 'Havnegade', houseNumber: '14', zipCode: '8002', city: 'Solbjerg Strand' } },
      { pNumber: '1000000037', name: 'Bageriet Solsikke, Produktionskøkken', address: { street: 'Industrivej', houseNumber: '7', zipCode: '8003', city: 'Solbjerg Vest' } },
    ],
  },
  {
    kind: 'company', cvr: '13585628', name: 'Tømrerfirmaet Høvl & Søn A/S', companyForm: 'Aktieselskab',
    note: 'Tilmeldt; to produktionsenheder',
    address: { street: 'Savværksvej', houseNumber: '5', zipCode: '8001', city: 'Solbjerg Nord' }, mailbox: registered,
    productionUnits: [
      { pNumber: '1000000045', name: 'Høvl & Søn, Værksted', address: { street: 'Savværksvej', houseNumber: '5', zipCode: '8001', city: 'Solbjerg Nord' } },
      { pNumber: '1000000053', name: 'Høvl & Søn, Byggeplads Havnen', address: { street: 'Kajen', houseNumber: '2', zipCode: '8002', city: 'Solbjerg Strand' } },
    ],
  },
  {
    kind: 'company', cvr: '24256790', name: 'Fjordens Fiskeri I/S', companyForm: 'Interessentskab',
    note: 'Fritaget virksomhed (ingen internetadgang)',
    address: { street: 'Fiskerlejet', houseNumber: '9', zipCode: '8004', city: 'Solbjerg Fjord' },
    mailbox: {
      registrationStatus: 'EXEMPT_OTHER_REASON', publicRegistrationStatus: 'EXEMPT',
      exemptionReason: 'Ingen adgang til internet på adressen', exemptionStart: '2019-01-01',
    },
    productionUnits: [
      { pNumber: '1000000061', name: 'Fjordens Fiskeri, Kutteren', address: { street: 'Fiskerlejet', houseNumber: '9', zipCode: '8004', city: 'Solbjerg Fjord' } },
    ],
  },
  {
    kind: 'company', cvr: '49999909', name: 'Lukket Læderhandel ApS', companyForm: 'Anpartsselskab',
    note: 'Ophørt virksomhed: postkasse lukket',
    address: { street: 'Gammel Kongevej', houseNumber: '20', zipCode: '8000', city: 'Solbjerg' },
    mailbox: { registrationStatus: 'AUTOMATIC_REGISTRATION', publicRegistrationStatus: 'CLOSED' },
    productionUnits: [],
  },
];

const SOLBJERG_CP = {
  pladsanvisning: 'f02de299-da3e-41ca-99bc-a27d05a2aecb',
  hjemmepleje: '6f112d33-195d-49e7-93ae-1b643577571a',
  byggesag: 'f77b3f75-6913-441a-8501-00ba0bfaae6f',
  borgerservice: '32b4dc44-0652-4f7c-93b8-d00a533a30f7',
  sygedagpengeGammel: '2c55d657-90d3-44c2-b8e2-a7927faa5925',
  jobcenterIntern: 'f9ed5ea6-ce0a-4621-b46a-eae65db21a7f',
} as const;

const cp = (over: Partial<Authority['contactPoints'][number]> & Pick<Authority['contactPoints'][number], 'id' | 'name' | 'description' | 'systemId' | 'contactGroupIds'>): Authority['contactPoints'][number] => ({
  active: true, visible: true, targets: ['CITIZEN', 'COMPANY'], memoSizeThresholdMB: 60, allowedNumberOfAttachments: 10, ...over,
});

export const AUTHORITIES: readonly Authority[] = [
  {
    kind: 'authority', cvr: '29999902', name: 'Solbjerg Kommune',
    organisationId: '8c05da44-3691-467a-8ad2-fbb1f18089f1', tenantId: '3e320ea5-6639-4cb3-bf44-84b6310b47cb',
    address: { street: 'Rådhuspladsen', houseNumber: '1', zipCode: '8000', city: 'Solbjerg' },
    departments: ['Børne- og Ungeforvaltningen', 'Social- og Sundhedsforvaltningen', 'Teknik- og Miljøforvaltningen', 'Borgerservice'],
    contactGroups: [
      { id: '4f3212b3-aa10-4379-b01b-91429715a55b', name: 'Solbjerg Kommune' },
      { id: '22b6e160-1f20-4eb4-8295-33d18770f097', name: 'Børne- og Ungeforvaltningen', parentId: '4f3212b3-aa10-4379-b01b-91429715a55b' },
      { id: 'd6faf5c1-fce8-4752-8b33-87e8a5c21530', name: 'Social- og Sundhedsforvaltningen', parentId: '4f3212b3-aa10-4379-b01b-91429715a55b' },
      { id: '23e57c2e-b36a-4cc6-8720-eae2a66fd886', name: 'Teknik- og Miljøforvaltningen', parentId: '4f3212b3-aa10-4379-b01b-91429715a55b' },
    ],
    contactPoints: [
      cp({ id: SOLBJERG_CP.pladsanvisning, name: 'Pladsanvisningen', description: 'Ansøgning om dagtilbud og skole', systemId: 'solbjerg-esdh', contactGroupIds: ['22b6e160-1f20-4eb4-8295-33d18770f097'], targets: ['CITIZEN'], kle: ['28.03.00'] }),
      cp({ id: SOLBJERG_CP.hjemmepleje, name: 'Hjemmeplejen', description: 'Hjemmehjælp og visitation', systemId: 'solbjerg-omsorg', contactGroupIds: ['d6faf5c1-fce8-4752-8b33-87e8a5c21530'], targets: ['CITIZEN'], kle: ['27.12.00'] }),
      cp({ id: SOLBJERG_CP.byggesag, name: 'Byggesager', description: 'Byggetilladelser og anmeldelser', systemId: 'solbjerg-esdh', contactGroupIds: ['23e57c2e-b36a-4cc6-8720-eae2a66fd886'], kle: ['02.00.00'] }),
      cp({ id: SOLBJERG_CP.borgerservice, name: 'Borgerservice', description: 'Generelle henvendelser til kommunen', systemId: 'solbjerg-esdh', contactGroupIds: ['4f3212b3-aa10-4379-b01b-91429715a55b'] }),
      cp({ id: SOLBJERG_CP.sygedagpengeGammel, name: 'Sygedagpenge (nedlagt)', description: 'Inaktivt: afløst af Jobcenteret, men stadig brugt af et fagsystem', systemId: 'solbjerg-esdh', contactGroupIds: ['d6faf5c1-fce8-4752-8b33-87e8a5c21530'], active: false }),
      cp({ id: SOLBJERG_CP.jobcenterIntern, name: 'Jobcenter, sagsbehandlere', description: 'Aktivt men usynligt: kan besvares, men borgere kan ikke finde det', systemId: 'solbjerg-esdh', contactGroupIds: ['d6faf5c1-fce8-4752-8b33-87e8a5c21530'], visible: false }),
    ],
    systems: [
      { id: 'solbjerg-esdh', name: 'Solbjerg ESDH (Postbud sandbox-system)', basicCredentials: 'postbud-sandbox:sandbox-api-token' },
      { id: 'solbjerg-omsorg', name: 'Solbjerg Omsorgssystem', basicCredentials: 'solbjerg-omsorg:omsorg-api-token' },
    ],
  },
  {
    kind: 'authority', cvr: '39999919', name: 'Styrelsen for Fiktive Ydelser',
    organisationId: '9d59186a-170e-40a5-bbde-31c298c500a2', tenantId: 'c5ce2b7f-e036-439b-8d6f-34ea76a3f5b5',
    address: { street: 'Statsvej', houseNumber: '50', zipCode: '8010', city: 'Solbjerg C' },
    departments: ['Ydelseskontoret'],
    contactGroups: [{ id: 'e5fe3296-33bf-449e-93db-8d3f0a217795', name: 'Styrelsen for Fiktive Ydelser' }],
    contactPoints: [
      cp({ id: 'f95b180b-31ab-4631-b19a-f7564dd2ca50', name: 'Ydelseskontoret', description: 'Spørgsmål om ydelser', systemId: 'styrelse-sag', contactGroupIds: ['e5fe3296-33bf-449e-93db-8d3f0a217795'] }),
    ],
    systems: [{ id: 'styrelse-sag', name: 'Styrelsens sagssystem', basicCredentials: 'styrelse-sag:styrelse-api-token' }],
  },
];

export const CASEWORKERS: readonly Caseworker[] = [
  { oid: 'cbc7c016-305b-4110-a6c4-eb91491f0cc2', upn: 'sara.sagsbehandler@solbjerg.example', name: 'Sara Sagsbehandler', authorityCvr: '29999902', department: 'Børne- og Ungeforvaltningen', groups: ['0e5d23b6-6a0e-45a8-a8c8-8ba35648aa31'], scopes: ['Letters.Send', 'Letters.Read'] },
  { oid: '2bacf688-785d-453d-9b52-e49a83eec90c', upn: 'mads.mogensen@solbjerg.example', name: 'Mads Mogensen', authorityCvr: '29999902', department: 'Teknik- og Miljøforvaltningen', groups: ['6a4c1a9e-1d0a-4f0b-9f5e-3c2f0b7d8e11'], scopes: ['Letters.Send', 'Letters.Read'] },
  { oid: '5f1e7c2a-8b3d-4e6f-9a0b-1c2d3e4f5a6b', upn: 'lone.leder@solbjerg.example', name: 'Lone Leder', authorityCvr: '29999902', department: 'Borgerservice', groups: ['0e5d23b6-6a0e-45a8-a8c8-8ba35648aa31', '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e'], scopes: ['Letters.Send', 'Letters.Read', 'Admin'] },
  { oid: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', upn: 'yasmin.ydelse@styrelse.example', name: 'Yasmin Ydelse', authorityCvr: '39999919', department: 'Ydelseskontoret', groups: ['1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'], scopes: ['Letters.Send', 'Letters.Read'] },
];

/** Service identities (client credentials). One holds the role for the gateway's `doc2mail` sender system; one holds no role (it passes only where a sender system lists its client id in `apps`). */
export const APPS: readonly AppRegistration[] = [
  { clientId: 'd0c2a11e-5b7f-4c1d-9e3a-6f4b2c8d1e07', clientSecret: 'doc2mail-sandbox-secret', name: 'Solbjerg Doc2Mail (output manager)', servicePrincipalId: '7c3e9a51-2d4b-4f86-a0c1-5e8b3d2f9a64', authorityCvr: '29999902', roles: ['Letters.Send.doc2mail'] },
  { clientId: '5a1b7e2c-9d3f-4e8a-b6c0-2f4d8e1a3b95', clientSecret: 'batch-sandbox-secret', name: 'Solbjerg Batchkørsel (no roles)', servicePrincipalId: 'e2f8c4a6-1b3d-4a5e-9c7f-8d0b2e4a6c13', authorityCvr: '29999902', roles: [] },
];

export const WORLD: WorldData = { citizens: CITIZENS, companies: COMPANIES, authorities: AUTHORITIES, caseworkers: CASEWORKERS, apps: APPS };
