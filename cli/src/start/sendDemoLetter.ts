/**
 * The demo letter of `postbud start`: a caseworker of the sandbox's fictional Solbjerg Kommune
 * sends a reply-enabled letter to a fictional citizen through the gateway's HTTP API, exactly as
 * the Outlook add-in does, and waits until the sandbox has delivered it.
 * @module
 */
import { createMinimalPdf } from '../demo/createMinimalPdf.js';

/** Sara Sagsbehandler (Børne- og Ungeforvaltningen), allowed to use the `outlook` sender system. */
export const DEMO_CASEWORKER = 'sara.sagsbehandler@solbjerg.example';
/** Anna Jensen, registered for Digital Post in the sandbox world (fictional). */
export const DEMO_RECIPIENT_CPR = '0101901234';
/** Borgerservice, an active and visible contact point of Solbjerg Kommune. */
export const DEMO_CONTACT_POINT = '32b4dc44-0652-4f7c-93b8-d00a533a30f7';

export interface DemoLetterResult {
  readonly id: string;
  readonly state: string;
}

const FINAL_STATES = new Set(['delivered', 'failed', 'rejected']);

async function json(response: Response, what: string): Promise<Record<string, unknown>> {
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${what} failed with HTTP ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

/** Sends the demo letter and polls its status until it is final or `timeoutMs` has passed. */
export async function sendDemoLetter(gatewayUrl: string, token: string, timeoutMs = 15_000): Promise<DemoLetterResult> {
  const pdf = createMinimalPdf([
    'Solbjerg Kommune, Borgerservice',
    'Kære Anna Jensen',
    'Dette er et eksempelbrev sendt med Postbud til den lokale sandkasse.',
    'Du kan svare på brevet direkte fra din digitale postkasse.',
  ]);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const accepted = await json(
    await fetch(`${gatewayUrl}/v1/letters`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': `postbud-start-demo-${Date.now()}` },
      body: JSON.stringify({
        senderSystem: 'outlook',
        recipient: { type: 'cpr', cpr: DEMO_RECIPIENT_CPR },
        title: 'Velkommen til Postbud (eksempelbrev)',
        caseId: 'DEMO-2026-0001',
        reply: { enabled: true },
        contactPointId: DEMO_CONTACT_POINT,
        files: [{ filename: 'Eksempelbrev.pdf', contentType: 'application/pdf', base64: Buffer.from(pdf).toString('base64') }],
      }),
    }),
    'Sending the demo letter',
  );
  const id = String(accepted.id);
  const deadline = Date.now() + timeoutMs;
  let state = String(accepted.state ?? 'accepted');
  while (!FINAL_STATES.has(state) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const status = await json(await fetch(`${gatewayUrl}/v1/letters/${id}`, { headers }), 'Reading the letter status');
    state = String((status.letter as Record<string, unknown> | undefined)?.state ?? state);
  }
  return { id, state };
}
