/**
 * Object mothers for gateway tests. Fictional data only: the CPR numbers are date-valid and
 * made up; the CVR numbers pass modulus 11.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NewLetter } from '../src/ledger/records.js';

export const TEST_CPR = '0101901234';
export const AUTHORITY_CVR = '13748136';
export const CONTACT_POINT = '6f1c2b7e-3d4a-4e5f-8a9b-0c1d2e3f4a5b';
export const OTHER_CONTACT_POINT = '7a2d3c8f-4e5b-4f60-9bac-1d2e3f4a5b6c';

export function tempDir(prefix = 'postbud-gw-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function aNewLetter(overrides: Partial<NewLetter> = {}): NewLetter {
  return {
    id: randomUUID(),
    senderSystem: 'outlook',
    caseworker: 'cw-1',
    recipientMasked: 'cpr:010190-****',
    title: 'Afgørelse om boligstøtte',
    caseId: 'SAG-2024-001',
    contactPointId: CONTACT_POINT,
    replyEnabled: true,
    payload: JSON.stringify({ title: 'Afgørelse om boligstøtte' }),
    acceptedAt: new Date().toISOString(),
    ...overrides,
  };
}

export const audit = (letterId: string) => ({ at: new Date().toISOString(), actor: 'cw-1', action: 'letter.accepted', letterId, detail: {} });

/** A raw config object with one reply-enabled system ("outlook") and one without replies. */
export function aRawConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    authority: { cvr: AUTHORITY_CVR, name: 'Eksempel Kommune' },
    route: { kind: 'sandbox', url: 'http://127.0.0.1:4000' },
    contactPoints: [{ id: CONTACT_POINT, label: 'Borgerservice', active: true, visible: true }],
    senderSystems: [
      {
        id: 'outlook', plugin: 'outlook', senderLabel: 'Eksempel Kommune, Borgerservice', contactPoints: [CONTACT_POINT],
        reply: { policy: 'caseworker-choice', default: true, replyByDays: 14 }, groups: ['borgerservice'],
      },
      {
        id: 'opkraevning', plugin: 'http', senderLabel: 'Eksempel Kommune, Opkrævning', contactPoints: [],
        reply: { policy: 'never' }, requiredMetadata: ['caseId'], groups: ['opkraevning'],
      },
    ],
    auth: { issuer: 'http://127.0.0.1:1/idp', audience: 'api://postbud', requiredScope: 'Postbud.Send' },
    ...overrides,
  };
}

/** A one-page PDF made with pdf-lib (fictional content). */
export async function aPdfBase64(text = 'Afgørelse'): Promise<string> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 50, y: 780, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save()).toString('base64');
}
