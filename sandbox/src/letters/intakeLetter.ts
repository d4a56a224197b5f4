/**
 * The common path of every letter that arrives (SF1601 kombi or NgDP memos): duplicate check,
 * validation, storing, the "accepted" or "failed" status message and scheduling delivery.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../SandboxContext.js';
import type { LetterChannel, LetterRecord, LetterRoute } from '../store/records.js';
import type { ForsendelseI } from '../sf1601/forsendelseI.js';
import { describeIssues, type GateIssue } from './MemoGate.js';
import type { ParsedMemo } from './sdkMemo.js';
import { letterFacts, sniffMessageUuid, type LetterFacts } from './letterFacts.js';

export type RequestedChannel = LetterChannel | 'auto';

export interface IntakeRequest {
  readonly route: LetterRoute;
  readonly kombiCode: string | null;
  readonly requestedChannel: RequestedChannel;
  readonly memoXml: string | null;
  /** memoXml's UTF-8 bytes as received, when the caller has them: stored as they are instead of encoding the text again. */
  readonly memoBytes?: Uint8Array | null;
  /** memoXml already read into the SDK's model (or the error reading it gave), when the caller read it in its own pass. */
  readonly memoRead?: ParsedMemo | Error | null;
  readonly forsendelse: ForsendelseI | null;
  readonly forsendelseXml: string | null;
  readonly authorityCvr: string | null;
  readonly systemId: string | null;
  readonly transactionId: string | null;
  /** NgDP's `memo-message-uuid` query parameter, which must match the MeMo. */
  readonly expectedUuid?: string;
}

export type IntakeOutcome =
  | { readonly kind: 'duplicate'; readonly letter: LetterRecord }
  | { readonly kind: 'refused'; readonly letter: LetterRecord; readonly code: string; readonly text: string; readonly issues: readonly GateIssue[] }
  | { readonly kind: 'accepted'; readonly letter: LetterRecord };

function baseLetter(req: IntakeRequest, id: string, now: Date): LetterRecord {
  return {
    id, messageUuid: null, messageId: null, route: req.route, kombiCode: req.kombiCode, channel: 'digital', memoVersion: null,
    senderId: null, senderLabel: null, recipientId: null, recipientLabel: null, pNumber: null, title: null, reply: false,
    replyBy: null, contactPointId: null, status: 'accepted', failCode: null, failText: null, memoXml: req.memoXml,
    forsendelseXml: req.forsendelseXml, printPdfBase64: req.forsendelse?.pdfBase64 ?? null, responseStatus: null,
    responseType: null, responseBody: null, transactionId: req.transactionId, systemId: req.systemId,
    authorityCvr: req.authorityCvr, deliverAfter: null, createdAt: now.toISOString(), deliveredAt: null, readAt: null,
  };
}

function withFacts(letter: LetterRecord, f: LetterFacts): LetterRecord {
  const deliverAfter = f.doNotDeliverUntilDate ? Date.parse(`${f.doNotDeliverUntilDate}T00:00:00Z`) : NaN;
  return {
    ...letter, messageUuid: f.messageUuid, messageId: f.messageId, memoVersion: f.memoVersion, senderId: f.senderId,
    senderLabel: f.senderLabel, recipientId: f.recipientId, recipientLabel: f.recipientLabel, pNumber: f.pNumber,
    title: f.title, reply: f.reply, replyBy: f.replyBy, contactPointId: f.contactPointId,
    channel: f.messageType === 'NEMSMS' ? 'nemsms' : 'digital',
    deliverAfter: Number.isFinite(deliverAfter) ? deliverAfter : null,
  };
}

/** The CPR that senders put in ForsendelseI for citizens (SF1601 Feltbeskrivelse p. 7, as OS2Forms and QSP do). */
const NO_CPR = '0000000000';

/**
 * A ForsendelseI identifies a citizen by the printed name and address only: the CPR is blanked
 * to 0000000000. Fjernprint prints and posts to that address without knowing who lives there,
 * so the sandbox does not guess a person from name + address (two people of the world share
 * Solsikkevej 12): `recipientId` stays null and `recipientLabel` is the printed name. A MeMo in
 * the same request (Automatisk Valg) still names the recipient.
 */
function withForsendelse(letter: LetterRecord, f: ForsendelseI): LetterRecord {
  const recipient = f.cvr ?? (f.cpr && f.cpr !== NO_CPR ? f.cpr : null);
  return {
    ...letter,
    messageUuid: letter.messageUuid ?? f.afsendelseIdentifikator,
    recipientId: letter.recipientId ?? recipient,
    recipientLabel: letter.recipientLabel ?? f.personName,
    title: letter.title ?? f.title,
  };
}

/** A print-only letter that names nobody (blank CPR, no name or address) cannot be posted. (assumption: the real check is not documented) */
function unaddressable(req: IntakeRequest, letter: LetterRecord): string[] {
  const f = req.forsendelse;
  if (f === null || req.memoXml !== null || letter.recipientId !== null) return [];
  if (f.personName !== null && f.addressLines.length > 0) return [];
  return [`ForsendelseI names no recipient: CPR ${f.cpr === NO_CPR ? 'is 0000000000 (as for citizens)' : 'is missing'}, so ForsendelseModtager/ModtagerAdresse needs PersonName and an address to print and post the letter.`];
}

function chooseChannel(ctx: SandboxContext, req: IntakeRequest, letter: LetterRecord): LetterChannel {
  if (req.requestedChannel !== 'auto') return req.requestedChannel;
  // Automatisk Valg (sandbox's reading): digital when the recipient can receive it, else print.
  if (req.memoXml !== null && letter.recipientId !== null && ctx.world.isRegistered(letter.recipientId)) return letter.channel;
  return req.forsendelse ? 'physical' : letter.channel;
}

async function refuse(ctx: SandboxContext, req: IntakeRequest, letter: LetterRecord, code: string, text: string, issues: readonly GateIssue[]): Promise<IntakeOutcome> {
  const refused: LetterRecord = { ...letter, status: 'refused', failCode: code, failText: text };
  const committed = ctx.store.joinGroupCommit();
  ctx.store.insertLetter(refused, req.memoBytes ?? undefined);
  ctx.statusFeed.record(refused, 'failed', { fejlKode: code, fejlTekst: text });
  await committed;
  return { kind: 'refused', letter: refused, code, text, issues };
}

export async function intakeLetter(ctx: SandboxContext, req: IntakeRequest): Promise<IntakeOutcome> {
  const now = new Date();
  let letter = baseLetter(req, randomUUID(), now);
  let facts: LetterFacts | null = null;
  if (req.memoXml !== null) {
    const gate = await ctx.memoGate.check(req.memoXml, req.memoRead ?? undefined);
    if (gate.message) {
      facts = letterFacts(gate.message);
      letter = withFacts(letter, facts);
    } else {
      letter = { ...letter, messageUuid: sniffMessageUuid(req.memoXml) };
    }
    const duplicate = findDuplicate(ctx, letter);
    if (duplicate) return duplicateOf(ctx, duplicate);
    if (!gate.ok) return refuse(ctx, req, letter, 'memo.invalid', describeIssues(gate.issues), gate.issues);
    if (req.expectedUuid !== undefined && facts && req.expectedUuid.toLowerCase() !== facts.messageUuid.toLowerCase()) {
      const issue = { path: '/Message/MessageHeader/messageUUID', code: 'UUID_MISMATCH', message: `memo-message-uuid ${req.expectedUuid} differs from the MeMo's messageUUID ${facts.messageUuid}.` };
      return refuse(ctx, req, letter, 'memo.invalid', issue.message, [issue]);
    }
  }
  if (req.forsendelse) {
    letter = withForsendelse(letter, req.forsendelse);
    if (req.memoXml === null) {
      const duplicate = findDuplicate(ctx, letter);
      if (duplicate) return duplicateOf(ctx, duplicate);
    }
    const problems = [...req.forsendelse.problems, ...unaddressable(req, letter)];
    if (problems.length > 0) {
      const issues = problems.map((message) => ({ path: '/kombi_request/ForsendelseI', code: 'FORSENDELSE', message }));
      return refuse(ctx, req, letter, 'forsendelse.invalid', problems.join('\n'), issues);
    }
  }
  letter = { ...letter, channel: chooseChannel(ctx, req, letter) };
  const committed = ctx.store.joinGroupCommit();
  ctx.store.insertLetter(letter, req.memoBytes ?? undefined);
  if (ctx.options.emitAcceptedEvents) ctx.statusFeed.record(letter, 'accepted', undefined, now);
  await committed;
  ctx.scheduler.schedule(letter);
  return { kind: 'accepted', letter };
}

/** The original may still be in the open group transaction: answer only once it is committed. */
async function duplicateOf(ctx: SandboxContext, original: LetterRecord): Promise<IntakeOutcome> {
  await ctx.store.groupCommitted();
  return { kind: 'duplicate', letter: original };
}

function findDuplicate(ctx: SandboxContext, letter: LetterRecord): LetterRecord | undefined {
  if (letter.messageUuid === null) return undefined;
  return ctx.store.acceptedLetter(letter.messageUuid, letter.recipientId);
}

/** Stores the response sent for a letter, so that a duplicate gets exactly the same answer. */
export function rememberResponse(ctx: SandboxContext, letter: LetterRecord, status: number, type: string, body: string): void {
  ctx.store.updateLetter(letter.id, { responseStatus: status, responseType: type, responseBody: body });
}
