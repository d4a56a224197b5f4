// Example: a letter to one production unit (P-unit) of a company that the company can answer.
import { deriveMessageUuid, type DigitalPostClient, type SendResult } from '@postbud/sdk';

export async function sendReplyEnabledLetterToPUnit(client: DigitalPostClient, pdf: Uint8Array): Promise<SendResult> {
  // Derived from the case document: re-running the job re-sends the same message, never a second letter.
  const messageUUID = await deriveMessageUuid('sbsys:document:2026-4711');
  return client.send({
    messageUUID,
    title: 'Varsel om kontrolbesøg',
    recipient: { type: 'cvr', cvr: '13585628', pNumber: '1234567890', name: 'Fiktiv Bageri ApS' },
    reply: {
      enabled: true,
      replyBy: '2026-12-31T12:00:00Z',
      // The NgDP contact point whose recipient system gets the answer.
      contactPoint: { id: '2b5a0c3e-6f1d-4c2a-9d3b-1e2f3a4b5c6d', label: 'Fødevarekontrollen' },
    },
    // Carried back in the reply's ReplyData / ContentData, so the answer finds its case.
    metadata: { caseId: { id: 'SAG-2026-4711', system: 'SBSYS' }, kle: { subjectKey: '24.10.00', version: 'Maj 2018', label: 'Fødevarekontrol' } },
    mainDocument: { label: 'Varsel', files: [{ filename: 'varsel.pdf', content: pdf }] },
  });
}
