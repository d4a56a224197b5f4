/**
 * Object mothers: small, valid letter inputs to start a test from. Free of test-runner
 * imports so they can ship as `@postbud/sdk/testing`.
 * @module
 */
import type { DocumentInput, LetterInput } from '../memo/letterInput.js';
import { FICTIONAL_CONTACT_POINT_ID, FICTIONAL_CPR, FICTIONAL_CVR } from './fictionalIdentifiers.js';

/** The smallest well-formed PDF header and trailer (20 bytes): enough for MeMo, not for a viewer. */
export function aTinyPdf(): Uint8Array {
  return new TextEncoder().encode('%PDF-1.4\n%%EOF\n'.padEnd(20, '\n'));
}

export function aDocument(overrides: Partial<DocumentInput> = {}): DocumentInput {
  return { label: 'Afgørelse', files: [{ filename: 'afgørelse.pdf', content: aTinyPdf() }], ...overrides };
}

/** A valid DIGITALPOST letter to a CPR recipient from a municipality (MeMo 1.2). */
export function aLetterInput(overrides: Partial<LetterInput> = {}): LetterInput {
  return {
    title: 'Afgørelse om boligstøtte',
    sender: { id: FICTIONAL_CVR[0], label: 'Aarhus Kommune, Borgerservice' },
    recipient: { type: 'cpr', cpr: FICTIONAL_CPR[0], name: 'Jens Hansen' },
    mainDocument: aDocument(),
    ...overrides,
  };
}

/** A reply-enabled letter with the contact point that receives the answer. */
export function aReplyEnabledLetterInput(overrides: Partial<LetterInput> = {}): LetterInput {
  return aLetterInput({
    reply: { enabled: true, contactPoint: { id: FICTIONAL_CONTACT_POINT_ID, label: 'Borgerservice' } },
    ...overrides,
  });
}

/** A NemSMS: no documents, the text in `notification`. */
export function aNemSmsInput(overrides: Partial<LetterInput> = {}): LetterInput {
  const { mainDocument: _omitted, ...letter } = aLetterInput();
  return { ...letter, messageType: 'NEMSMS', notification: 'Du har fået post fra Aarhus Kommune.', ...overrides };
}
