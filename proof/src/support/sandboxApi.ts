/**
 * Reads the sandbox's inspection API (`/_sandbox/`) and its identity provider: what the
 * proofs compare against (letters by messageUUID, status events, inbound replies).
 * @module
 */
import { AUDIENCE } from './gatewayConfig.js';

export interface SandboxLetterSummary {
  readonly id: string;
  readonly messageUuid?: string | null;
  readonly status?: string;
  readonly reply?: boolean;
}

export interface SandboxEvent {
  readonly id: string;
  readonly messageUuid: string | null;
  readonly kind: string;
  readonly statusCode: string | null;
  readonly acked: boolean;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return (await res.json()) as T;
}

/** Every letter (the control API lists 1,000 unless asked for more; a long soak has 10,000). */
export function sandboxLetters(sandboxUrl: string): Promise<SandboxLetterSummary[]> {
  return getJson(`${sandboxUrl}/_sandbox/letters?limit=1000000`);
}

export function sandboxEvents(sandboxUrl: string): Promise<SandboxEvent[]> {
  return getJson(`${sandboxUrl}/_sandbox/events?limit=1000000`);
}

export function sandboxInbound(sandboxUrl: string): Promise<{ id: string; originalLetterId: string | null; deleted: boolean; fetchedAt: string | null }[]> {
  return getJson(`${sandboxUrl}/_sandbox/inbound`);
}

/** How often each messageUUID (lower case) reached the sandbox. */
export async function messageUuidCounts(sandboxUrl: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const l of await sandboxLetters(sandboxUrl)) {
    const id = String(l.messageUuid).toLowerCase();
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

export async function setSandboxFaults(sandboxUrl: string, spec: string, seed = 7): Promise<void> {
  const res = await fetch(`${sandboxUrl}/_sandbox/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ spec, seed }) });
  if (!res.ok) throw new Error(`setting faults answered ${res.status}: ${await res.text()}`);
}

export async function queueSandboxFault(sandboxUrl: string, fault: { kind: string; times?: number; pathPrefix?: string; param?: number }): Promise<void> {
  const res = await fetch(`${sandboxUrl}/_sandbox/faults/next`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  if (!res.ok) throw new Error(`queueing a fault answered ${res.status}: ${await res.text()}`);
}

/** A caseworker's identity token from the sandbox's development identity provider. */
export async function caseworkerToken(sandboxUrl: string, upn: string, audience = AUDIENCE): Promise<string> {
  const res = await fetch(`${sandboxUrl}/idp/token`, {
    method: 'POST', body: new URLSearchParams({ grant_type: 'password', username: upn, scope: `${audience}/.default` }),
  });
  if (!res.ok) throw new Error(`the sandbox IdP answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}
