/**
 * Test fixtures for the client tests: frozen clock, deterministic v4-shaped UUIDs, fictional
 * recipients and a tiny PDF. Object mothers, not inline literals.
 */
import type { ClientLetterInput } from '../../src/send/ClientLetter.js';
import type { DigitalPostClientOptions } from '../../src/client/ClientOptions.js';

/** Fictional, date-valid CPR and mod-11-valid CVR numbers. */
export const CITIZEN_CPR = '0101901234';
export const COMPANY_CVR = '13585628';
export const AUTHORITY_CVR = '13748136';
export const P_NUMBER = '1234567890';
export const CONTACT_POINT_ID = '2b5a0c3e-6f1d-4c2a-9d3b-1e2f3a4b5c6d';

export const FROZEN_NOW = new Date('2026-03-02T09:30:00.000Z');

/** `00000000-0000-4000-8000-<n>`-style UUIDs: v4 pattern, predictable. */
export function sequentialUuids(prefix = 'a'): () => string {
  let n = 0;
  return () => {
    n++;
    return `${prefix.repeat(8).slice(0, 8)}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  };
}

export function tinyPdf(): Uint8Array {
  return new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
}

export function aLetter(overrides: Partial<ClientLetterInput> = {}): ClientLetterInput {
  return {
    title: 'Afgørelse om boligstøtte',
    recipient: { type: 'cpr', cpr: CITIZEN_CPR },
    mainDocument: { label: 'Afgørelse', files: [{ filename: 'afgoerelse.pdf', content: tinyPdf() }] },
    ...overrides,
  };
}

export function clientOptions(overrides: Partial<DigitalPostClientOptions> = {}): DigitalPostClientOptions {
  return {
    sender: { cvr: AUTHORITY_CVR, label: 'Postbud Kommune, Borgerservice' },
    now: () => FROZEN_NOW,
    uuid: sequentialUuids(),
    random: () => 0.5,
    retry: { initialDelayMs: 1, maxDelayMs: 5, maxRetries: 3 },
    ...overrides,
  };
}
