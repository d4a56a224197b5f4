// Example: digital when the citizen can receive Digital Post, otherwise printed and posted (fjernprint).
import type { DigitalPostClient, SendResult } from '@postbud/sdk';

export async function sendWithPrintFallback(client: DigitalPostClient, pdf: Uint8Array): Promise<SendResult> {
  const letter = {
    title: 'Afgørelse om boligstøtte',
    recipient: { type: 'cpr', cpr: '0101901234' },
    mainDocument: { files: [{ filename: 'afgoerelse.pdf', content: pdf }] },
  } as const;
  const physical = { address: { name: 'Fiktiv Person', street: 'Testvej', building: '12', floor: 'st', suite: 'tv', postCode: '8000' } };

  // On SF1601: one call with both the MeMo and the ForsendelseI ("Automatisk Valg");
  // KOMBIT delivers digitally when it can and prints otherwise.
  if (client.config.service === 'sf1601') return client.send(letter, { channel: 'auto', physical });

  // Elsewhere: look up first (cached), then choose.
  const found = await client.lookup({ cpr: '0101901234' });
  if (found.digitalPost) return client.send(letter, { channel: 'digital' });
  throw new Error(`Cannot print through NgDP; recipient is ${found.reason ?? 'not registered'}.`);
}
