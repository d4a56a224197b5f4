/**
 * Object mothers for tests: fictional caseworker profile, citizens and companies.
 * CPR numbers are date-valid and fictional; CVR numbers pass modulus 11.
 * @module
 */
import type { CompanyDetails, Me, SenderSystem } from '../gateway/types.js';

export function aSenderSystem(overrides: Partial<SenderSystem> = {}): SenderSystem {
  return {
    id: 'borgerservice',
    senderLabel: 'Postbud Kommune, Borgerservice',
    contactPoints: [
      { id: '7f4c1c7e-1111-4a7e-9a2b-000000000001', label: 'Borgerservice, generelt' },
      { id: '7f4c1c7e-1111-4a7e-9a2b-000000000002', label: 'Borgerservice, pas og kørekort' },
    ],
    reply: { policy: 'caseworker-choice', defaultOn: true, replyByDays: 14 },
    channel: 'auto',
    requiredMetadata: ['caseId'],
    ...overrides,
  };
}

export function aMe(): Me {
  return {
    name: 'Sara Sagsbehandler',
    email: 'sara@postbud-kommune.example',
    senderSystems: [
      aSenderSystem(),
      aSenderSystem({ id: 'ydelse', senderLabel: 'Postbud Kommune, Ydelseskontoret', reply: { policy: 'always', defaultOn: true }, requiredMetadata: ['caseId', 'kle'],
        contactPoints: [{ id: '7f4c1c7e-2222-4a7e-9a2b-000000000001', label: 'Ydelseskontoret' }] }),
      aSenderSystem({ id: 'info', senderLabel: 'Postbud Kommune, Information', reply: { policy: 'never', defaultOn: false }, requiredMetadata: [],
        contactPoints: [{ id: '7f4c1c7e-3333-4a7e-9a2b-000000000001', label: 'Information' }] }),
    ],
    limits: { maxAttachments: 5 },
  };
}

export interface WorldCitizen {
  readonly cpr: string;
  readonly name: string;
  readonly reachability: 'digital' | 'physical' | 'unreachable';
}

export const CITIZENS: readonly WorldCitizen[] = [
  { cpr: '0101901234', name: 'Anna Andersen', reachability: 'digital' },
  { cpr: '2312854321', name: 'Bent Bertelsen', reachability: 'physical' },
  { cpr: '1505752468', name: 'Cecilie Carlsen', reachability: 'unreachable' },
];

export const COMPANIES: readonly (CompanyDetails & { readonly reachability: 'digital' | 'physical' })[] = [
  {
    cvr: '13748136', name: 'Fiktiv Byg ApS', reachability: 'digital',
    address: { street: 'Byggevej', houseNumber: '1', zipCode: '8000', city: 'Aarhus C' },
    productionUnits: [
      { pNumber: '1012345678', name: 'Fiktiv Byg ApS, Aarhus', address: { street: 'Byggevej', houseNumber: '1', zipCode: '8000', city: 'Aarhus C' } },
      { pNumber: '1012345679', name: 'Fiktiv Byg ApS, Vejle', address: { street: 'Havnegade', houseNumber: '7', zipCode: '7100', city: 'Vejle' } },
    ],
  },
  { cvr: '13585628', name: 'Eksempel Bageri I/S', reachability: 'physical', productionUnits: [] },
];
