/**
 * The sample letter of `postbud demo`: a reply-enabled decision to a fictional citizen from
 * the fictional demo authority, with case and KLE metadata, a generated one-page PDF and a
 * self-service action. Everything in it is made up.
 * @module
 */
import { createMemoMessage } from '@postbud/sdk';
import type { MemoMessage } from '@postbud/sdk';
import { DEMO_AUTHORITY } from '../memo/demoAuthority.js';
import { createMinimalPdf } from './createMinimalPdf.js';

/** A date-valid CPR number of a made-up person (1 January 1990). */
export const DEMO_CITIZEN_CPR = '0101901234';

export interface DemoLetterOptions {
  readonly now?: () => Date;
  readonly uuid?: () => string;
}

export function buildDemoLetter(options: DemoLetterOptions = {}): MemoMessage {
  const now = options.now?.() ?? new Date();
  // Two weeks ahead, at noon UTC: a reply-by date a person would pick.
  const replyBy = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 14, 12));
  const pdf = createMinimalPdf([
    DEMO_AUTHORITY.label,
    '',
    'Afgørelse om boligstøtte',
    'Du får boligstøtte fra 1. januar. Svar på dette brev, hvis du har spørgsmål.',
    '(Et eksempel fra postbud demo: alle oplysninger er opdigtede.)',
  ]);
  return createMemoMessage(
    {
      title: 'Afgørelse om boligstøtte',
      notification: 'Du har fået en afgørelse om boligstøtte.',
      sender: {
        id: DEMO_AUTHORITY.cvr,
        label: DEMO_AUTHORITY.label,
        contactPoint: { id: DEMO_AUTHORITY.contactPointId, label: DEMO_AUTHORITY.contactPointLabel },
      },
      recipient: { type: 'cpr', cpr: DEMO_CITIZEN_CPR, name: 'Test Testesen' },
      reply: { enabled: true, replyBy },
      metadata: {
        caseId: { id: 'SAG-2026-0042', system: 'Demo ESDH' },
        kle: { subjectKey: '32.18.08', version: 'Maj 2018', label: 'Boligstøtte' },
      },
      mainDocument: {
        label: 'Afgørelse',
        files: [{ filename: 'afgoerelse.pdf', content: pdf }],
        actions: [{ label: 'Se din sag', actionCode: 'SELVBETJENING', url: 'https://demo.postbud.example/sager/SAG-2026-0042' }],
      },
    },
    { ...(options.now ? { now: options.now } : {}), ...(options.uuid ? { uuid: options.uuid } : {}) },
  );
}
