/**
 * Object mothers for tests: fictional caseworker profile, citizens and companies, in the
 * gateway's JSON shapes. CPR numbers are date-valid and fictional; CVR numbers pass modulus 11.
 * @module
 */
import type { Company, Me, Reachability, SenderSystem } from '../gateway/types.js';
import { DEFAULT_LIMITS } from '../features/content/letterLimits.js';

export function aSenderSystem(overrides: Partial<SenderSystem> = {}): SenderSystem {
  return {
    id: 'borgerservice',
    label: 'Outlook (Postbud add-in)',
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
    caller: { id: 'cbc7c016-305b-4110-a6c4-eb91491f0cc2', name: 'Sara Sagsbehandler', groups: ['0e5d23b6-6a0e-45a8-a8c8-8ba35648aa31'] },
    authority: { cvr: '29999902', name: 'Postbud Kommune' },
    senderSystems: [
      aSenderSystem(),
      aSenderSystem({ id: 'ydelse', senderLabel: 'Postbud Kommune, Ydelseskontoret', reply: { policy: 'always', defaultOn: true }, requiredMetadata: ['caseId', 'kle'],
        contactPoints: [{ id: '7f4c1c7e-2222-4a7e-9a2b-000000000001', label: 'Ydelseskontoret' }] }),
      aSenderSystem({ id: 'info', senderLabel: 'Postbud Kommune, Information', reply: { policy: 'never', defaultOn: false }, requiredMetadata: [],
        contactPoints: [{ id: '7f4c1c7e-3333-4a7e-9a2b-000000000001', label: 'Information' }] }),
    ],
    limits: { ...DEFAULT_LIMITS, maxAttachments: 5 },
  };
}

export interface WorldCitizen {
  readonly cpr: string;
  readonly name: string;
  readonly reachability: Reachability;
  readonly reason?: string;
}

export const CITIZENS: readonly WorldCitizen[] = [
  { cpr: '0101901234', name: 'Anna Andersen', reachability: 'digital' },
  { cpr: '2312854321', name: 'Bent Bertelsen', reachability: 'physical', reason: 'exempt' },
  { cpr: '1505752468', name: 'Cecilie Carlsen', reachability: 'unreachable', reason: 'closed' },
];

export const COMPANIES: readonly (Company & { readonly reachability: Reachability })[] = [
  {
    cvr: '13748136', name: 'Fiktiv Byg ApS', reachability: 'digital',
    productionUnits: [
      { pNumber: '1012345678', name: 'Fiktiv Byg ApS, Aarhus', address: 'Byggevej 1, 8000 Aarhus C' },
      { pNumber: '1012345679', name: 'Fiktiv Byg ApS, Vejle', address: 'Havnegade 7, 7100 Vejle' },
    ],
  },
  { cvr: '13585628', name: 'Eksempel Bageri I/S', reachability: 'physical', productionUnits: [] },
];
